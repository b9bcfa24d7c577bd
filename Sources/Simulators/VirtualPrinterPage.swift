public import DeviceProtocols

/// One piece of paper between two cuts (or after the last cut, when the stream ended without one), with what
/// was printed on it. Coordinates are dots from the page's top-left corner; the bitmap is the paper only —
/// the cut mark is drawn by `VirtualPrinterPrintout.roll`, so pages stay pixel-exact.
public struct VirtualPrinterPage: Sendable, Equatable {
    /// How the paper was cut after the page.
    public enum Cut: Sendable, Equatable {
        case full
        /// One point left uncut, as `GS V 1` / `GS V 66 n` do.
        case partial
    }

    public var bitmap: Bitmap
    /// How this page was cut off the roll; nil for paper still in the printer when the stream ended.
    public var cut: Cut?
    /// Where each `GS v 0` strip landed, in stream order.
    public var rasterStrips: [VirtualPrinterRegion]
    public var qrCodes: [VirtualPrinterQRCode]
    public var textLines: [VirtualPrinterTextLine]

    public init(
        bitmap: Bitmap, cut: Cut?, rasterStrips: [VirtualPrinterRegion] = [], qrCodes: [VirtualPrinterQRCode] = [],
        textLines: [VirtualPrinterTextLine] = []
    ) {
        self.bitmap = bitmap
        self.cut = cut
        self.rasterStrips = rasterStrips
        self.qrCodes = qrCodes
        self.textLines = textLines
    }

    /// The area covered by everything printed on the page (raster, QR, text), or nil for blank paper.
    public var printedRegion: VirtualPrinterRegion? {
        let regions = rasterStrips + qrCodes.map(\.region) + textLines.map(\.region)
        return regions.dropFirst().reduce(regions.first) { $0?.union($1) }
    }

    /// The part of the page inside `region` (dots outside the paper read white).
    public func crop(_ region: VirtualPrinterRegion) -> Bitmap {
        var out = Bitmap(width: region.width, height: region.height)
        for y in 0..<region.height {
            for x in 0..<region.width where bitmap[region.x + x, region.y + y] { out[x, y] = true }
        }
        return out
    }
}
