/// Why the encoder refused to produce bytes. Each case says what the caller should do instead, because a
/// wrong byte sent to a printer is not an error the printer reports: it prints garbage or stops.
public enum EscPosError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile does not allow `GS ( k`; render the QR code as a raster image instead.
    case nativeQRNotSupported(profileID: String)
    /// QR data must be 1…7089 bytes (the largest numeric QR symbol); `count` is what was given.
    case qrDataLength(count: Int)
    /// Module size must be 1…16 dots.
    case qrModuleSize(Int)
    /// Text mode takes printable ASCII only; `character` is the first offending one.
    case textNotPrintableASCII(character: Character)
    /// The raster image is wider than the paper.
    case imageTooWide(width: Int, paperWidthDots: Int)

    public var description: String {
        switch self {
        case .nativeQRNotSupported(let profileID):
            "printer profile \"\(profileID)\" has nativeQR = false: render the QR code as a raster image instead"
        case .qrDataLength(let count):
            "QR data must be 1…7089 bytes, got \(count)"
        case .qrModuleSize(let size):
            "QR module size must be 1…16 dots, got \(size)"
        case .textNotPrintableASCII(let character):
            "text mode takes printable ASCII only (got \(Self.codePoints(character))): rasterise Vietnamese text instead"
        case .imageTooWide(let width, let paperWidthDots):
            "raster image is \(width) dots wide but the paper has \(paperWidthDots): scale or crop it first"
        }
    }

    /// `U+1EA7`, `U+000D U+000A`: what a character is, even when it is invisible.
    private static func codePoints(_ character: Character) -> String {
        character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
