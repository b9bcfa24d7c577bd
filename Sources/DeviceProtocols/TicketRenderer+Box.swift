extension TicketRenderer.Page {
    /// Lines inside a box across the paper: inverted (white on black) for the priority mark, which staff
    /// must notice at a glance, or framed for the promise.
    func boxStrip(_ block: TicketLayout.Block) -> Bitmap? {
        let style = block.style ?? .inverted
        let border = style == .outline ? max(2, scaled(3)) : 0
        let padding = max(2, scaled(block.padding ?? 8))
        let inner = lineWidth - 2 * (padding + border)
        let specs = block.lines ?? []
        let paragraphs = specs.compactMap { spec in paragraph(spec, maxWidth: inner).map { (spec, $0) } }
        guard !paragraphs.isEmpty else { return nil }
        let lineGap = max(2, scaled(4))
        let textHeight = paragraphs.reduce(0) { $0 + $1.1.height } + lineGap * (paragraphs.count - 1)
        var strip = blank(textHeight + 2 * (padding + border))

        for y in 0..<strip.height {
            for x in side..<(side + lineWidth) {
                let edge = y < border || y >= strip.height - border || x < side + border || x >= side + lineWidth - border
                if style == .inverted || edge { strip[x, y] = true }
            }
        }
        var top = border + padding
        for (spec, paragraph) in paragraphs {
            paragraph.draw(
                into: &strip, left: side + border + padding, width: inner, top: top, alignment: spec.align ?? .center,
                ink: style != .inverted
            )
            top += paragraph.height + lineGap
        }
        return strip
    }
}
