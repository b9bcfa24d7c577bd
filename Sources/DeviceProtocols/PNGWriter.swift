import CPNG

/// Writes PNGs with libpng's simplified API: the virtual printer's paper, golden tickets, previews.
/// Bytes only (no file I/O), so DeviceProtocols stays free of side effects; callers write the bytes.
/// PNG has no empty images, so a zero-height input is written as one white row.
public enum PNGWriter {
    /// A 1-bit PNG of a bitmap: a two-color palette, index 0 white and 1 black, so each pixel's index is
    /// the bitmap's own bit. Smaller than 8-bit gray (an 80 mm ticket: about 8 KB instead of 14 KB).
    public static func encode(_ bitmap: Bitmap) -> [UInt8] {
        let width = bitmap.width
        var indices = [UInt8](repeating: 0, count: width * max(bitmap.height, 1))
        for y in 0..<bitmap.height {
            let row = y * bitmap.bytesPerRow
            for x in 0..<width { indices[y * width + x] = (bitmap.data[row + x / 8] >> UInt8(7 - x % 8)) & 1 }
        }
        let format = UInt32(PNG_FORMAT_GRAY) | UInt32(PNG_FORMAT_FLAG_COLORMAP)
        return write(width: width, pixels: indices, format: format, colormap: [255, 0])
    }

    /// An 8-bit grayscale PNG (0 = black, 255 = white), e.g. for anti-aliased previews.
    public static func encode(grayscale pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        precondition(width > 0 && height >= 0 && pixels.count == width * height, "grayscale pixel count")
        let rows = height == 0 ? [UInt8](repeating: 255, count: width) : pixels
        return write(width: width, pixels: rows, format: UInt32(PNG_FORMAT_GRAY), colormap: [])
    }

    /// `pixels` holds whole rows of `width` bytes. libpng refuses only absurd sizes (over a million pixels
    /// wide) or fails when memory runs out.
    private static func write(width: Int, pixels: [UInt8], format: UInt32, colormap: [UInt8]) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(pixels.count / width)
        image.format = format
        image.colormap_entries = UInt32(colormap.count)
        var size = cpng_image_png_size_max(image)
        var png = [UInt8](repeating: 0, count: Int(size))
        let written = png.withUnsafeMutableBytes { output in
            pixels.withUnsafeBytes { input in
                colormap.withUnsafeBytes { map in
                    png_image_write_to_memory(
                        &image, output.baseAddress, &size, 0, input.baseAddress, 0, colormap.isEmpty ? nil : map.baseAddress)
                }
            }
        }
        precondition(written != 0, "libpng could not write a PNG: \(PNGError.message(of: image))")
        png.removeSubrange(Int(size)...)
        return png
    }
}
