/// A decoded PNG as gray levels: one byte per pixel, 0 = black … 255 = white, whatever the file's format.
public struct PNGImage: Sendable, Equatable, Codable {
    public let width: Int
    public let height: Int
    /// Row-major gray levels, `width × height` of them.
    public let gray: [UInt8]

    public init(width: Int, height: Int, gray: [UInt8]) {
        precondition(gray.count == width * height, "gray level count")
        self.width = width
        self.height = height
        self.gray = gray
    }

    public subscript(x: Int, y: Int) -> UInt8 { gray[y * width + x] }

    /// Black where the gray level is below `threshold`: the inverse of `PNGWriter.encode(_: Bitmap)`.
    public func bitmap(threshold: UInt8 = 128) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where gray[y * width + x] < threshold { bitmap[x, y] = true }
        }
        return bitmap
    }
}
