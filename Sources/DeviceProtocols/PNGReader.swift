/// Reads non-interlaced grayscale PNGs (bit depth 1, 2, 4 or 8, any filter): enough to check what
/// `PNGWriter` wrote and to compare golden images, without an image library.
public enum PNGReader {
    public static func decode(_ bytes: [UInt8]) throws(PNGError) -> PNGImage {
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGWriter.signature else { throw .notPNG }
        var position = 8
        var header: [UInt8]?
        var compressed: [UInt8] = []
        var ended = false
        while !ended {
            guard position + 12 <= bytes.count else { throw .truncatedData }
            let length = Int(readUInt32(bytes, at: position))
            let typeBytes = Array(bytes[(position + 4)..<(position + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count - position - 12 else { throw .truncatedData }
            let data = Array(bytes[(position + 8)..<(position + 8 + length)])
            let crc = readUInt32(bytes, at: position + 8 + length)
            guard crc == PNGChecksum.crc32(data, continuing: PNGChecksum.crc32(typeBytes)) else {
                throw .badChecksum(chunk: type)
            }
            switch type {
            case "IHDR": header = data
            case "IDAT": compressed += data
            case "IEND": ended = true
            default: break
            }
            position += length + 12
        }
        guard let header, header.count == 13 else { throw .missingChunk("IHDR") }
        guard !compressed.isEmpty else { throw .missingChunk("IDAT") }
        return try image(header: header, scanlines: PNGInflate.zlibDecompress(compressed))
    }

    private static func image(header: [UInt8], scanlines: [UInt8]) throws(PNGError) -> PNGImage {
        let width = Int(readUInt32(header, at: 0))
        let height = Int(readUInt32(header, at: 4))
        let bitDepth = Int(header[8])
        guard header[9] == 0 else { throw .unsupported("color type \(header[9]) (only grayscale, type 0)") }
        guard [1, 2, 4, 8].contains(bitDepth) else { throw .unsupported("bit depth \(bitDepth)") }
        guard header[12] == 0 else { throw .unsupported("interlaced image") }
        guard width > 0, width <= 1 << 16, height <= 1 << 20 else { throw .unsupported("size \(width)×\(height)") }
        let rowBytes = (width * bitDepth + 7) / 8
        guard scanlines.count >= (rowBytes + 1) * height else { throw .truncatedData }
        let rows = try PNGFilters.unfilter(
            scanlines, rowBytes: rowBytes, height: height, bytesPerPixel: max(1, bitDepth / 8))
        let maxLevel = (1 << bitDepth) - 1
        var gray = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let bit = x * bitDepth
                let byte = rows[y * rowBytes + bit / 8]
                let level = Int(byte >> UInt8(8 - bitDepth - bit % 8)) & maxLevel
                gray[y * width + x] = UInt8(level * 255 / maxLevel)
            }
        }
        return PNGImage(width: width, height: height, bitDepth: bitDepth, gray: gray)
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }
}
