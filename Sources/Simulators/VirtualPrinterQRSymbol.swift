import CQRencode
import DeviceProtocols

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
