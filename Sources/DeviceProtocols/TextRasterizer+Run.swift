extension TextRasterizer {
    /// A laid-out line of text, ready to draw: measuring and drawing use the same glyph positions, so a
    /// measured width is exactly the space the drawing takes.
    public struct Run: Sendable, Equatable {
        /// A glyph image and its top-left corner relative to the pen origin on the baseline (y down).
        struct Piece: Sendable, Equatable {
            var image: Bitmap
            var x: Int
            var y: Int
        }

        let pieces: [Piece]
        /// Pen position after the last glyph, in dots from the origin.
        public let advance: Int
        /// The inked pixels relative to the origin; `nil` when nothing is inked (blank text).
        let ink: Bounds?
        /// The font's ascender and descender at this size (positive dots).
        public let ascender: Int
        public let descender: Int

        init(pieces: [Piece], advance: Int, ascender: Int, descender: Int) {
            self.pieces = pieces
            self.advance = advance
            self.ascender = ascender
            self.descender = descender
            ink = pieces.map { Bounds(minX: $0.x, maxX: $0.x + $0.image.width, minY: $0.y, maxY: $0.y + $0.image.height) }
                .reduce(nil) { partial, next in partial.map { $0.union(next) } ?? next }
        }

        /// Dots left of the origin that glyphs overhang (e.g. a "j" at the start); drawing shifts by it.
        private var overhang: Int { max(0, -(ink?.minX ?? 0)) }

        /// Horizontal space the text takes when drawn at x: covers both the pen advance and every inked pixel.
        public var width: Int { max(advance, ink?.maxX ?? 0) + overhang }
        /// Dots above the baseline: the font's ascender, or more when stacked diacritics reach higher.
        public var ascent: Int { max(ascender, -(ink?.minY ?? 0)) }
        /// Dots below the baseline.
        public var descent: Int { max(descender, ink?.maxY ?? 0) }
        /// Inked pixels relative to the point passed to `draw` (x) and the baseline (y, down positive).
        public var inkBounds: Bounds? { ink?.offsetBy(dx: overhang, dy: 0) }

        /// Draws with the left edge of the run at `x`; `ink: false` draws white, for text on a black box.
        public func draw(into bitmap: inout Bitmap, x: Int, baseline: Int, ink: Bool = true) {
            let originX = x + overhang
            for piece in pieces {
                let image = piece.image
                for row in 0..<image.height {
                    for column in 0..<image.width where image[column, row] {
                        bitmap[originX + piece.x + column, baseline + piece.y + row] = ink
                    }
                }
            }
        }
    }
}
