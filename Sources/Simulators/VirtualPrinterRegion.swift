/// A rectangle on a virtual printer page, in dots from the page's top-left corner.
public struct VirtualPrinterRegion: Sendable, Equatable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest rectangle holding both.
    public func union(_ other: VirtualPrinterRegion) -> VirtualPrinterRegion {
        let left = min(x, other.x)
        let top = min(y, other.y)
        let right = max(x + width, other.x + other.width)
        let bottom = max(y + height, other.y + other.height)
        return VirtualPrinterRegion(x: left, y: top, width: right - left, height: bottom - top)
    }

    public var description: String { "\(width)×\(height) at (\(x), \(y))" }
}
