public import DeviceProtocols
public import Foundation

/// Everything a virtual printer produced: the pages, the status requests it answered, and the whole roll
/// as one image with cut marks, for PNG files a person can look at.
public struct VirtualPrinterPrintout: Sendable, Equatable {
    public var paperWidthDots: Int
    public var pages: [VirtualPrinterPage]
    /// The `n` of each `DLE EOT n`, in order.
    public var statusRequests: [UInt8]

    public init(paperWidthDots: Int, pages: [VirtualPrinterPage], statusRequests: [UInt8]) {
        self.paperWidthDots = paperWidthDots
        self.pages = pages
        self.statusRequests = statusRequests
    }

    /// The pages one below the other, with one extra dashed row after each cut page where the cut happened
    /// (the row is inserted, never drawn over the print). A partial cut's row keeps a 24-dot gap in the
    /// middle: the uncut bridge.
    public var roll: Bitmap {
        var roll = Bitmap(width: paperWidthDots, height: 0)
        for page in pages {
            roll.append(page.bitmap)
            guard let cut = page.cut else { continue }
            var mark = Bitmap(width: paperWidthDots, height: 1)
            let bridge = (paperWidthDots / 2 - 12)..<(paperWidthDots / 2 + 12)
            for x in 0..<paperWidthDots where x % 10 < 6 && !(cut == .partial && bridge.contains(x)) {
                mark[x, 0] = true
            }
            roll.append(mark)
        }
        return roll
    }

    /// `roll` as a 1-bit PNG.
    public func png() -> [UInt8] { PNGWriter.encode(roll) }

    public func writePNG(to url: URL) throws {
        try Data(png()).write(to: url)
    }
}
