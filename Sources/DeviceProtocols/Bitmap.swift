/// A 1-bit image, rows packed 8 pixels per byte, most significant bit first, 1 = black: the layout of
/// ESC/POS raster images (`GS v 0`), so a rendered ticket goes to the printer without conversion.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public private(set) var height: Int
    public var bytesPerRow: Int { (width + 7) / 8 }
    public private(set) var data: [UInt8]

    public init(width: Int, height: Int) {
        precondition(width > 0 && height >= 0, "bitmap size")
        self.width = width
        self.height = height
        data = [UInt8](repeating: 0, count: (width + 7) / 8 * height)
    }

    public init(width: Int, height: Int, data: [UInt8]) {
        precondition(data.count == (width + 7) / 8 * height, "bitmap data size")
        self.width = width
        self.height = height
        self.data = data
    }

    /// Out-of-range reads are white and writes are ignored, so drawing may overhang the paper safely.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return data[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let index = y * bytesPerRow + x / 8
            let mask: UInt8 = 0x80 >> UInt8(x % 8)
            data[index] = newValue ? data[index] | mask : data[index] & ~mask
        }
    }

    /// Rows `start..<end` as their own bitmap (raster strips).
    public func rows(_ range: Range<Int>) -> Bitmap {
        Bitmap(width: width, height: range.count, data: Array(data[(range.lowerBound * bytesPerRow)..<(range.upperBound * bytesPerRow)]))
    }

    /// Appends `other` (same width) below this bitmap.
    public mutating func append(_ other: Bitmap) {
        precondition(other.width == width, "appending a bitmap of another width")
        data += other.data
        height += other.height
    }

    public var blackPixelCount: Int { data.reduce(0) { $0 + $1.nonzeroBitCount } }
}
