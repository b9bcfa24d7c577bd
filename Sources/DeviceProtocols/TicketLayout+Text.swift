extension TicketLayout {
    /// One piece of text in the template: what it says (with `{placeholders}`) and how it is set.
    public struct Text: Codable, Sendable, Equatable {
        public enum Alignment: String, Codable, Sendable {
            case left, center, right
        }

        /// What to do when a line is wider than the paper.
        public enum Fit: String, Codable, Sendable {
            /// Break into lines, shrinking towards `minSize` while it needs more than `maxLines`.
            case wrap
            /// Stay on one line, shrinking towards `minSize`; wraps only if even that is too wide.
            case shrink
        }

        public var text: String
        /// Em height in dots at the reference width.
        public var size: Int
        /// Smallest size when shrinking or scaling for narrow paper; default: the template's `minTextSize`.
        public var minSize: Int?
        public var weight: TextRasterizer.Weight?
        public var align: Alignment?
        public var fit: Fit?
        public var maxLines: Int?
        /// Horizontal scale of the glyphs (0.85 condenses the big number so it can be taller).
        public var widthScale: Double?
        /// Extra dots between wrapped lines.
        public var lineGap: Int?
        /// Take only the inked height, not the font's full line height: the big number has no descenders,
        /// and the empty band under it would waste paper.
        public var trim: Bool?

        public init(
            text: String, size: Int, minSize: Int? = nil, weight: TextRasterizer.Weight? = nil, align: Alignment? = nil,
            fit: Fit? = nil, maxLines: Int? = nil, widthScale: Double? = nil, lineGap: Int? = nil, trim: Bool? = nil
        ) {
            self.text = text
            self.size = size
            self.minSize = minSize
            self.weight = weight
            self.align = align
            self.fit = fit
            self.maxLines = maxLines
            self.widthScale = widthScale
            self.lineGap = lineGap
            self.trim = trim
        }
    }
}
