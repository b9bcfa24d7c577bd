/// A decoded grayscale PNG: one byte per pixel, 0 = black … 255 = white, whatever the file's bit depth.
public struct PNGImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// The file's bit depth (1, 2, 4 or 8).
    public let bitDepth: Int
    /// Row-major gray levels, `width × height` of them.
    public let gray: [UInt8]

    public init(width: Int, height: Int, bitDepth: Int, gray: [UInt8]) {
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
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
