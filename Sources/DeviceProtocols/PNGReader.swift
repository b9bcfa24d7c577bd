import CPNG

/// Reads any PNG with libpng's simplified API, as gray levels: enough to check what `PNGWriter` wrote and
/// to compare golden images. Color is converted to gray and transparency composed onto white.
public enum PNGReader {
    /// The largest image read, in pixels: far above a day's paper roll, far below what a forged header
    /// could make us allocate.
    static let maximumPixels = 1 << 26

    /// The IEND chunk, always these 12 bytes and always last: libpng stops after the image data, so a
    /// file cut just before its end would otherwise pass.
    static let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    public static func decode(_ bytes: [UInt8]) throws(PNGError) -> PNGImage {
        guard bytes.count >= 8, png_sig_cmp(bytes, 0, 8) == 0 else { throw .notPNG }
        guard bytes.suffix(end.count).elementsEqual(end) else { throw .truncatedData }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw PNGError(failed: image) }
        let width = Int(image.width)
        let height = Int(image.height)
        guard width * height <= maximumPixels else {
            png_image_free(&image)
            throw .unsupported("size \(width)×\(height)")
        }
        image.format = UInt32(PNG_FORMAT_GRAY)
        var gray = [UInt8](repeating: 255, count: width * height)
        let finished = gray.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw PNGError(failed: image) }
        return PNGImage(width: width, height: height, gray: gray)
    }
}
