/// Writes grayscale PNGs with no library: the virtual printer's paper, golden tickets, previews.
/// Bytes only (no file I/O), so KioskDevices stays free of side effects; callers write the bytes.
/// The PNG format has no empty images: a zero-height input gives a file other tools reject.
public enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A 1-bit grayscale PNG of a bitmap. PNG's 1-bit gray is 0 = black, the bitmap's is 1 = black, so each
    /// byte is inverted; the row layout (MSB = leftmost pixel) is otherwise identical.
    public static func encode(_ bitmap: Bitmap) -> [UInt8] {
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((bitmap.bytesPerRow + 1) * bitmap.height)
        for row in 0..<bitmap.height {
            scanlines.append(0)  // filter type None
            let start = row * bitmap.bytesPerRow
            for byte in bitmap.data[start..<(start + bitmap.bytesPerRow)] { scanlines.append(~byte) }
        }
        return encode(width: bitmap.width, height: bitmap.height, bitDepth: 1, scanlines: scanlines)
    }

    /// An 8-bit grayscale PNG (0 = black, 255 = white), e.g. for anti-aliased previews.
    public static func encode(grayscale pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        precondition(width > 0 && height >= 0 && pixels.count == width * height, "grayscale pixel count")
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            scanlines.append(0)
            scanlines += pixels[(row * width)..<((row + 1) * width)]
        }
        return encode(width: width, height: height, bitDepth: 8, scanlines: scanlines)
    }

    private static func encode(width: Int, height: Int, bitDepth: UInt8, scanlines: [UInt8]) -> [UInt8] {
        // Color type 0 (grayscale), deflate compression, adaptive filtering method 0, no interlace.
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [bitDepth, 0, 0, 0, 0]
        return signature + chunk("IHDR", header) + chunk("IDAT", PNGDeflate.zlibCompress(scanlines)) + chunk("IEND", [])
    }

    /// Length, type, data, CRC-32 of type + data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let crc = PNGChecksum.crc32(data, continuing: PNGChecksum.crc32(typeBytes))
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8((value >> UInt32($0)) & 0xFF) }
    }
}
