/// Why no font could be used; each message says what to install or set.
public enum FontLocatorError: Error, Equatable, CustomStringConvertible {
    /// None of the standard fonts is installed.
    case noFont(searched: [String])
    /// `KHONGCHO_FONT` or `KHONGCHO_FONT_BOLD` names a file that does not exist.
    case configuredFontMissing(variable: String, path: String)

    public var description: String {
        switch self {
        case .noFont(let searched):
            "Không tìm thấy phông chữ tiếng Việt để in phiếu — no Vietnamese-capable font found "
                + "(looked for \(searched.joined(separator: ", "))). Install the Debian package fonts-dejavu-core "
                + "(apt-get install fonts-dejavu-core, or `make deps-run`), or set \(FontLocator.environmentVariable) "
                + "to a TrueType font file that covers Vietnamese."
        case .configuredFontMissing(let variable, let path):
            "Phông chữ cấu hình không tồn tại — \(variable) names \(path), which does not exist. "
                + "Fix the path or unset \(variable) to use DejaVu Sans (package fonts-dejavu-core)."
        }
    }
}
