/// Why a PNG could not be read. The reader is meant for images this package writes (tests, golden files),
/// so anything outside that is reported rather than guessed at.
public enum PNGError: Error, Sendable, Equatable, CustomStringConvertible {
    case notPNG
    case truncatedData
    case badChecksum(chunk: String)
    case missingChunk(String)
    case unsupported(String)
    case corruptData(String)

    public var description: String {
        switch self {
        case .notPNG: "not a PNG file (signature missing)"
        case .truncatedData: "PNG data ends too early"
        case .badChecksum(let chunk): "PNG checksum mismatch in \(chunk)"
        case .missingChunk(let chunk): "PNG has no \(chunk) chunk"
        case .unsupported(let what): "PNG not supported by this reader: \(what)"
        case .corruptData(let what): "PNG data corrupt: \(what)"
        }
    }
}
