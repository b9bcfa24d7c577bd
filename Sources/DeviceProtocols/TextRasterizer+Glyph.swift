extension TextRasterizer {
    /// One rendered glyph as cached by the engine: its 1-bit image and where it sits relative to the pen.
    struct Glyph: Sendable {
        /// `nil` for blank glyphs (space).
        var image: Bitmap?
        /// Columns from the pen position to the image's left edge (may be negative).
        var left: Int
        /// Rows from the baseline up to the image's top row.
        var top: Int
        /// Pen advance in 1/64 dot (FreeType 26.6), already grid-fitted by the hinter.
        var advance: Int
        /// Glyph index in its face, for kerning.
        var index: UInt32
        /// The face that drew it: kerning applies only between glyphs of one face.
        var face: Weight
    }
}
