import Foundation

extension TicketRenderer {
    /// One ticket being drawn at one paper width: scales the template's reference sizes and turns each
    /// block into a strip as wide as the paper; the strips are stacked into the ticket.
    struct Page {
        let layout: TicketLayout
        let width: Int
        let rasterizer: TextRasterizer
        let content: TicketContent

        var scale: Double { Double(width) / Double(layout.referenceWidth) }
        var side: Int { max(4, scaled(layout.margins.side)) }
        /// Printable width between the side margins.
        var lineWidth: Int { width - 2 * side }

        func scaled(_ value: Int) -> Int { Int((Double(value) * scale).rounded()) }

        func blank(_ height: Int) -> Bitmap { Bitmap(width: width, height: max(0, height)) }

        /// Optional parts appear only when the ticket has them.
        func shows(_ block: TicketLayout.Block) -> Bool {
            switch block.when {
            case nil: true
            case .priority: !(content.priorityLabel ?? "").isEmpty
            case .promise: !(content.promiseLine ?? "").isEmpty
            }
        }

        /// The block drawn across the paper, or `nil` when it has nothing to show (e.g. empty text).
        func strip(for block: TicketLayout.Block) throws(TicketRendererError) -> Bitmap? {
            switch block.kind {
            case .text: block.text.flatMap(textStrip)
            case .rule: ruleStrip(thickness: block.thickness ?? 2, dash: block.dash)
            case .box: boxStrip(block)
            case .row: rowStrip(block)
            case .qr: try qrStrip(block)
            case .space: blank(scaled(block.height ?? 0))
            }
        }

        /// Text size at this paper width: scaled, but body text no smaller than the template's minimum.
        func style(_ spec: TicketLayout.Text) -> (style: TextRasterizer.Style, minSize: Int) {
            let floor = spec.minSize ?? layout.minTextSize
            let size = max(scaled(spec.size), min(floor, spec.size))
            let style = TextRasterizer.Style(size: size, weight: spec.weight ?? .regular, widthScale: spec.widthScale ?? 1)
            return (style, min(size, floor))
        }

        /// The spec's text with placeholders filled in, trimmed; `nil` when that leaves nothing.
        func words(_ spec: TicketLayout.Text) -> String? {
            let text = content.substitute(spec.text).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        private func textStrip(_ spec: TicketLayout.Text) -> Bitmap? {
            guard let paragraph = paragraph(spec, maxWidth: lineWidth) else { return nil }
            var strip = blank(paragraph.height)
            paragraph.draw(into: &strip, left: side, width: lineWidth, top: 0, alignment: spec.align ?? .left)
            return strip
        }

        private func ruleStrip(thickness: Int, dash: Int?) -> Bitmap {
            var strip = blank(max(1, scaled(thickness)))
            let period = dash.map { max(2, scaled($0)) }
            for y in 0..<strip.height {
                for x in side..<(side + lineWidth) where period.map({ (x - side) % (2 * $0) < $0 }) ?? true {
                    strip[x, y] = true
                }
            }
            return strip
        }

        /// Sets a text spec as a paragraph no wider than `maxWidth`, following its fit rule.
        func paragraph(_ spec: TicketLayout.Text, maxWidth: Int) -> Paragraph? {
            guard let text = words(spec) else { return nil }
            let (style, minSize) = style(spec)
            // Centred text is balanced across its lines; left-aligned text fills each line.
            let balanced = spec.align == .center
            var lines: [String]
            var used = style
            switch spec.fit ?? .wrap {
            case .wrap:
                (used, lines) = rasterizer.fit(
                    text, style: style, minSize: minSize, maxWidth: maxWidth, maxLines: spec.maxLines ?? 4, balanced: balanced)
            case .shrink:
                used = rasterizer.shrinkToFit(text, style: style, minSize: minSize, maxWidth: maxWidth)
                lines = rasterizer.wrap(text, style: used, maxWidth: maxWidth, balanced: balanced)
            }
            let runs = lines.map { rasterizer.layout($0, style: used) }
            let gap = spec.lineGap.map(scaled) ?? max(2, used.size / 8)
            return Paragraph(runs: runs, gap: gap, trim: spec.trim ?? false)
        }
    }
}
