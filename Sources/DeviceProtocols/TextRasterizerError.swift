/// Why a rasterizer could not be built; each message says what to do.
public enum TextRasterizerError: Error, Equatable, CustomStringConvertible {
    case freeTypeUnavailable(code: Int32)
    case unreadableFont(path: String, code: Int32)
    /// The font opens but lacks Vietnamese letters: tickets would print empty boxes.
    case fontLacksVietnamese(path: String, missing: String)
    case badSize(Int)

    public var description: String {
        switch self {
        case .freeTypeUnavailable(let code):
            "FreeType could not start (error \(code)); reinstall libfreetype6."
        case .unreadableFont(let path, let code):
            "Không đọc được phông chữ — cannot open font \(path) (FreeType error \(code)). "
                + "Check the file, or install fonts-dejavu-core and unset \(FontLocator.environmentVariable)."
        case .fontLacksVietnamese(let path, let missing):
            "Phông chữ thiếu chữ tiếng Việt — \(path) has no glyphs for \(missing). "
                + "Use DejaVu Sans (package fonts-dejavu-core) or another font that covers Vietnamese."
        case .badSize(let size):
            "Text size \(size) is out of range (1...1000 dots)."
        }
    }
}
