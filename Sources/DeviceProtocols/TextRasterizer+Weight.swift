extension TextRasterizer {
    /// Which face draws the text.
    public enum Weight: String, Codable, Sendable, Hashable {
        case regular, bold
    }
}
