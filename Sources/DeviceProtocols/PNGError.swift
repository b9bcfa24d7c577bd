import CPNG

/// Why a PNG could not be read: libpng's complaint, sorted into the cases a caller can act on.
public enum PNGError: Error, Sendable, Equatable, CustomStringConvertible {
    case notPNG
    case truncatedData
    case badChecksum(chunk: String)
    case unsupported(String)
    case corruptData(String)

    public var description: String {
        switch self {
        case .notPNG: "not a PNG file (signature missing)"
        case .truncatedData: "PNG data ends too early"
        case .badChecksum(let chunk): "PNG checksum mismatch in \(chunk)"
        case .unsupported(let what): "PNG not supported by this reader: \(what)"
        case .corruptData(let what): "PNG data corrupt: \(what)"
        }
    }

    /// The error libpng left in `image.message` after a failed call. libpng words a chunk's CRC failure
    /// "IHDR: CRC error" and running out of bytes "read beyond end of data"; anything else is kept verbatim.
    init(failed image: png_image) {
        let message = Self.message(of: image)
        if message.hasSuffix(": CRC error") {
            self = .badChecksum(chunk: String(message.dropLast(": CRC error".count)))
        } else if message == "read beyond end of data" || message.hasSuffix("Not enough image data") {
            self = .truncatedData
        } else {
            self = .corruptData(message)
        }
    }

    /// `image.message`, a NUL-terminated C string of at most 64 bytes.
    static func message(of image: png_image) -> String {
        let bytes = withUnsafeBytes(of: image.message) { Array($0.prefix { $0 != 0 }) }
        return bytes.isEmpty ? "libpng gave no reason" : String(decoding: bytes, as: UTF8.self)
    }
}
