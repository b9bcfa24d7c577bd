extension EscPosEncoder {
    /// `GS v 0` raster image, one command per strip of at most `profile.maxStripHeight` rows: cheap printers
    /// overflow their receive buffer on tall images and print the rest of the data as text.
    /// The bitmap's layout is already the command's (rows MSB-first, 1 = black), so rows are copied as is.
    public consuming func raster(_ bitmap: Bitmap) throws(EscPosError) -> Self {
        guard bitmap.width <= profile.paperWidthDots else {
            throw .imageTooWide(width: bitmap.width, paperWidthDots: profile.paperWidthDots)
        }
        let stripHeight = max(1, min(profile.maxStripHeight, 0xFFFF))
        var top = 0
        while top < bitmap.height {
            let bottom = min(top + stripHeight, bitmap.height)
            bytes += Self.rasterHeader(bytesPerRow: bitmap.bytesPerRow, rows: bottom - top)
            bytes += bitmap.rows(top..<bottom).data
            top = bottom
        }
        return self
    }

    /// `1D 76 30 00 xL xH yL yH`: mode 0 (normal density), width in bytes, height in rows, little-endian.
    static func rasterHeader(bytesPerRow: Int, rows: Int) -> [UInt8] {
        [
            0x1D, 0x76, 0x30, 0x00, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(rows & 0xFF),
            UInt8(rows >> 8),
        ]
    }
}
