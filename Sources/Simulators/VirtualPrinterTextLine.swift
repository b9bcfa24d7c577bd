/// A line printed in text mode: the exact characters (as Latin-1, since code pages are not modelled) and
/// where the line's Font A cells (12 × 24 dots) landed.
public struct VirtualPrinterTextLine: Sendable, Equatable {
    public var text: String
    public var region: VirtualPrinterRegion

    public init(text: String, region: VirtualPrinterRegion) {
        self.text = text
        self.region = region
    }
}
