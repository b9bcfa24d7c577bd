import DeviceProtocols

extension VirtualPrinter {
    /// Prints the line buffer in Font A cells at the current position, wrapping at the paper width; each
    /// wrapped line after the first advances by the line spacing, as the printer's automatic line feed does.
    mutating func printLine() {
        guard !line.isEmpty else { return }
        let columns = max(1, profile.paperWidthDots / Self.cellWidth)
        var start = 0
        while start < line.count {
            if start > 0 { y += lineSpacing }
            let chunk = Array(line[start..<min(start + columns, line.count)])
            let width = chunk.count * Self.cellWidth
            let x = alignedX(width: width)
            for (index, byte) in chunk.enumerated() where byte != 0x20 {
                paper.frame(
                    VirtualPrinterRegion(
                        x: x + index * Self.cellWidth + 1, y: y + 1, width: Self.cellWidth - 2,
                        height: Self.cellHeight - 2))
            }
            paper.grow(to: y + Self.cellHeight)
            let text = String(chunk.map { Character(Unicode.Scalar($0)) })
            page.textLines.append(
                VirtualPrinterTextLine(
                    text: text, region: VirtualPrinterRegion(x: x, y: y, width: width, height: Self.cellHeight)))
            start += columns
        }
        line = []
    }
}
