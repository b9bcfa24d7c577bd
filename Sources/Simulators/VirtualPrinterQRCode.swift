import CQRencode
public import DeviceProtocols

/// A native QR code (`GS ( k`) the virtual printer printed: the stored data as decoded from the stream, the
/// settings in force, and where the symbol was drawn. The symbol itself is a real QR code encoded from the
/// same data (libqrencode, automatic version), so it scans; its mask pattern may differ from a given
/// printer's firmware, which is why tests should assert `data`, not pixels.
public struct VirtualPrinterQRCode: Sendable, Equatable {
    public var data: [UInt8]
    /// `data` as UTF-8, when it is valid UTF-8.
    public var text: String? { String(validating: data, as: UTF8.self) }
    public var moduleSize: Int
    public var errorCorrection: EscPosQRErrorCorrection
    /// QR version 1…40 of the drawn symbol.
    public var version: Int
    /// The symbol's modules, without quiet zone (Epson leaves the quiet zone to the layout).
    public var region: VirtualPrinterRegion

    public init(
        data: [UInt8], moduleSize: Int, errorCorrection: EscPosQRErrorCorrection, version: Int,
        region: VirtualPrinterRegion
    ) {
        self.data = data
        self.moduleSize = moduleSize
        self.errorCorrection = errorCorrection
        self.version = version
        self.region = region
    }
}

/// The module matrix for QR data at a given error-correction level, from libqrencode in 8-bit mode with an
/// automatic version — what a printer does with `GS ( k` store + print.
struct VirtualPrinterQRSymbol {
    let version: Int
    let size: Int
    let modules: [Bool]

    init?(data: [UInt8], errorCorrection: EscPosQRErrorCorrection) {
        let level: QRecLevel =
            switch errorCorrection {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        let encoded = data.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, level)
        }
        guard let symbol = encoded else { return nil }
        defer { QRcode_free(symbol) }
        let size = Int(symbol.pointee.width)
        // Bit 0 of each libqrencode module byte is "dark"; the other bits describe its role.
        modules = UnsafeBufferPointer(start: symbol.pointee.data, count: size * size).map { $0 & 1 == 1 }
        version = Int(symbol.pointee.version)
        self.size = size
    }
}
