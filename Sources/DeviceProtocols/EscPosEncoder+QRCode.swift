extension EscPosEncoder {
    /// Native QR (`GS ( k`, cn = 0x31): model 2, module size, error correction, store, print — in the order
    /// Epson requires. Refused unless the profile says the printer has it; otherwise rasterise the QR code.
    public consuming func qrCode(
        _ data: [UInt8], moduleSize: Int = 6, errorCorrection: EscPosQRErrorCorrection = .medium
    ) throws(EscPosError) -> Self {
        guard profile.nativeQR else { throw .nativeQRNotSupported(profileID: profile.id) }
        guard (1...7089).contains(data.count) else { throw .qrDataLength(count: data.count) }
        guard (1...16).contains(moduleSize) else { throw .qrModuleSize(moduleSize) }
        let stored = data.count + 3
        return raw([0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(moduleSize)])
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, errorCorrection.rawValue])
            .raw([0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + data)
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
    }

    /// The same for text, stored as UTF-8 (what phone scanners assume for byte-mode QR).
    public consuming func qrCode(
        _ text: String, moduleSize: Int = 6, errorCorrection: EscPosQRErrorCorrection = .medium
    ) throws(EscPosError) -> Self {
        try qrCode(Array(text.utf8), moduleSize: moduleSize, errorCorrection: errorCorrection)
    }
}
