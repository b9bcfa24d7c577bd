extension TicketRenderer.Page {
    /// Label on the left with its English line under it, value on the right on the label's baseline, as on
    /// a receipt. When both do not fit side by side (58 mm paper), the value goes under the label, still
    /// right-aligned, rather than shrinking the label.
    func rowStrip(_ block: TicketLayout.Block) -> Bitmap? {
        guard let labelSpec = block.label, let valueSpec = block.value,
            let value = paragraph(valueSpec, maxWidth: lineWidth)
        else { return nil }
        let gap = max(8, scaled(16))
        // Side by side when the label fits beside the value on one line, or may wrap in at least 40 % of it.
        let labelNatural = words(labelSpec).map { rasterizer.width(of: $0, style: style(labelSpec).style) } ?? 0
        let room = lineWidth - value.width - gap
        let inline = value.runs.count == 1 && (labelNatural <= room || room >= lineWidth * 2 / 5)
        let labelWidth = inline ? lineWidth - value.width - gap : lineWidth
        let label = paragraph(labelSpec, maxWidth: labelWidth)
        let sublabel = block.sublabel.flatMap { paragraph($0, maxWidth: labelWidth) }
        let subGap = sublabel == nil ? 0 : max(1, scaled(2))

        let baseline = inline ? max(label?.firstAscent ?? 0, value.firstAscent) : (label?.firstAscent ?? 0)
        let labelTop = baseline - (label?.firstAscent ?? 0)
        let leftHeight = labelTop + (label?.height ?? 0) + subGap + (sublabel?.height ?? 0)
        let valueTop = inline ? baseline - value.firstAscent : leftHeight + max(2, scaled(4))
        var strip = blank(max(leftHeight, valueTop + value.height))

        label?.draw(into: &strip, left: side, width: labelWidth, top: labelTop, alignment: .left)
        let sublabelTop = labelTop + (label?.height ?? 0) + subGap
        sublabel?.draw(into: &strip, left: side, width: labelWidth, top: sublabelTop, alignment: .left)
        value.draw(into: &strip, left: side, width: lineWidth, top: valueTop, alignment: .right)
        return strip
    }
}
