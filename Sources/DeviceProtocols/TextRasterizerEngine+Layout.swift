extension TextRasterizerEngine {
    /// Lays out one line of already NFC-normalised text: glyphs on the pen advance with kerning, and combining
    /// marks that NFC could not fold into a precomposed letter stacked over or under their base letter.
    mutating func layout(_ text: String, style: TextRasterizer.Style) -> TextRasterizer.Run {
        var pieces: [TextRasterizer.Run.Piece] = []
        var pen = 0
        var previous: TextRasterizer.Glyph?
        for character in text {
            let scalars = Array(character.unicodeScalars)
            guard let first = scalars.first else { continue }
            let base = glyph(Self.printable(first), style: style)
            if let previous { pen += kerning(previous, base, style: style) }
            let originX = Self.pixels(pen)
            var cluster = Cluster(origin: originX, base: base, gap: max(1, style.size / 14))
            if let image = base.image { pieces.append(.init(image: image, x: originX + base.left, y: -base.top)) }
            for mark in scalars.dropFirst() {
                let markGlyph = glyph(mark, style: style)
                if let piece = cluster.place(markGlyph) { pieces.append(piece) }
            }
            pen += base.advance
            previous = base
        }
        let metrics = lineMetrics(style)
        return TextRasterizer.Run(pieces: pieces, advance: Self.pixels(pen), ascender: metrics.ascender, descender: metrics.descender)
    }

    /// Tabs, line breaks and other controls print as a space rather than as a missing-glyph box.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.generalCategory == .control ? " " : scalar
    }

    private static func pixels(_ value26d6: Int) -> Int { (value26d6 + 32) >> 6 }
}

/// Positions the combining marks of one grapheme cluster without OpenType mark tables: each mark is centred
/// on the base letter's ink and pushed up (or down) just clear of what is already there, so "x̃" or a
/// tone mark on an unusual base stays readable instead of overprinting the letter.
private struct Cluster {
    let centre: Int
    let origin: Int
    let gap: Int
    var top: Int
    var bottom: Int

    init(origin: Int, base: TextRasterizer.Glyph, gap: Int) {
        self.origin = origin
        self.gap = gap
        let width = base.image?.width ?? 0
        centre = origin + base.left + width / 2
        top = -base.top
        bottom = -base.top + (base.image?.height ?? 0)
        if base.image == nil { top = 0; bottom = 0 }
    }

    mutating func place(_ mark: TextRasterizer.Glyph) -> TextRasterizer.Run.Piece? {
        guard let image = mark.image else { return nil }
        let naturalTop = -mark.top
        let naturalBottom = naturalTop + image.height
        let x = centre - image.width / 2
        if naturalTop + naturalBottom < 0 {
            // Above the baseline: a mark above the letter.
            let shift = min(0, top - gap - naturalBottom)
            top = naturalTop + shift
            return .init(image: image, x: x, y: naturalTop + shift)
        }
        let shift = max(0, bottom + gap - naturalTop)
        bottom = naturalBottom + shift
        return .init(image: image, x: x, y: naturalTop + shift)
    }
}
