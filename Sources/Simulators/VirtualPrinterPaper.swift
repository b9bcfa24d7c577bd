import DeviceProtocols

/// The paper of the page being printed: packed rows like `Bitmap` (1 = black), growing downwards as things
/// are printed. Printing only ever adds black dots (OR), as a thermal head does.
struct VirtualPrinterPaper {
    let width: Int
    let bytesPerRow: Int
    private(set) var rows = 0
    private var data: [UInt8] = []

    init(width: Int) {
        self.width = width
        bytesPerRow = (width + 7) / 8
    }

    mutating func grow(to height: Int) {
        guard height > rows else { return }
        data += [UInt8](repeating: 0, count: (height - rows) * bytesPerRow)
        rows = height
    }

    /// ORs one packed row of `bytes` (MSB = leftmost) onto row `y` starting at dot `x`; dots past the paper
    /// edge are dropped.
    mutating func blit<Bytes: Collection<UInt8>>(_ bytes: Bytes, x: Int, y: Int) {
        grow(to: y + 1)
        let shift = x % 8
        var index = y * bytesPerRow + x / 8
        let rowEnd = (y + 1) * bytesPerRow
        for byte in bytes {
            guard index < rowEnd else { break }
            data[index] |= byte >> UInt8(shift)
            if shift > 0, index + 1 < rowEnd { data[index + 1] |= byte << UInt8(8 - shift) }
            index += 1
        }
    }

    mutating func fill(_ region: VirtualPrinterRegion) {
        guard region.width > 0, region.height > 0 else { return }
        grow(to: region.y + region.height)
        for y in region.y..<(region.y + region.height) {
            for x in max(0, region.x)..<min(width, region.x + region.width) {
                data[y * bytesPerRow + x / 8] |= 0x80 >> UInt8(x % 8)
            }
        }
    }

    /// A one-dot outline of `region`.
    mutating func frame(_ region: VirtualPrinterRegion) {
        let r = region
        fill(VirtualPrinterRegion(x: r.x, y: r.y, width: r.width, height: 1))
        fill(VirtualPrinterRegion(x: r.x, y: r.y + r.height - 1, width: r.width, height: 1))
        fill(VirtualPrinterRegion(x: r.x, y: r.y, width: 1, height: r.height))
        fill(VirtualPrinterRegion(x: r.x + r.width - 1, y: r.y, width: 1, height: r.height))
    }

    /// Cuts the paper at row `y`: returns rows `0..<y` and keeps anything printed below (an overhanging
    /// text line) as the top of the next page.
    mutating func cut(at y: Int) -> Bitmap {
        grow(to: y)
        let page = Bitmap(width: width, height: y, data: Array(data[0..<(y * bytesPerRow)]))
        data.removeFirst(y * bytesPerRow)
        rows -= y
        return page
    }
}
