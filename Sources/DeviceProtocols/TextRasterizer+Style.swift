extension TextRasterizer {
    /// How a piece of text is drawn: pixel size (the em height in printer dots), face, and horizontal scale.
    public struct Style: Sendable, Hashable {
        /// Em height in dots (FreeType pixel size).
        public var size: Int
        public var weight: Weight
        /// Horizontal scale, e.g. 0.85 to condense the big ticket number so it can be taller on narrow paper.
        public var widthScale: Double

        public init(size: Int, weight: Weight = .regular, widthScale: Double = 1) {
            self.size = size
            self.weight = weight
            self.widthScale = widthScale
        }

        /// The same style at another size (shrink-to-fit).
        public func resized(_ size: Int) -> Style {
            Style(size: size, weight: weight, widthScale: widthScale)
        }

        /// FreeType pixel width for the em: at least one dot.
        var pixelWidth: Int { max(1, Int((Double(size) * widthScale).rounded())) }
    }
}
