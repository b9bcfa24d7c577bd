import Testing

@testable import DeviceProtocols

@Suite struct PNGTests {
    @Test func checksumsMatchKnownValues() {
        #expect(PNGChecksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGChecksum.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(
            PNGChecksum.crc32(Array("6789".utf8), continuing: PNGChecksum.crc32(Array("12345".utf8))) == 0xCBF4_3926)
        #expect(PNGChecksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(PNGChecksum.adler32([]) == 1)
        // Past zlib's 5552-byte block, where the sums must be reduced.
        #expect(PNGChecksum.adler32([UInt8](repeating: 0xFF, count: 100_000)) == 0x149A_302C)
    }

    @Test func oneBitFileLayout() throws {
        let bitmap = Bitmap(width: 10, height: 2, data: [0x80, 0x40, 0x00, 0x00])
        let png = PNGWriter.encode(bitmap)
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length 13, width 10, height 2, depth 1, gray, deflate, filter 0, no interlace.
        #expect(
            Array(png[8..<33]) == [
                0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 10, 0, 0, 0, 2, 1, 0, 0, 0, 0,
            ] + PNGWriter.bigEndian(PNGChecksum.crc32(Array(png[12..<29]))))
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        // Inverted rows: PNG 1-bit gray has 0 = black.
        let scanlines = try PNGInflate.zlibDecompress(Array(png[41..<(png.count - 16)]))
        #expect(scanlines == [0, 0x7F, 0xBF, 0, 0xFF, 0xFF])
    }

    @Test(arguments: [(1, 1), (8, 3), (10, 7), (384, 600), (577, 33)])
    func bitmapRoundTrip(width: Int, height: Int) throws {
        var bitmap = Bitmap(width: width, height: height)
        var seed: UInt32 = 7
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_103_515_245 &+ 12345
                bitmap[x, y] = (seed >> 16) % 5 == 0 || (y / 40) % 2 == 1
            }
        }
        let image = try PNGReader.decode(PNGWriter.encode(bitmap))
        #expect(image.width == width && image.height == height && image.bitDepth == 1)
        #expect(image.bitmap() == bitmap)
    }

    @Test func grayscaleRoundTrip() throws {
        let pixels = (0..<(31 * 17)).map { UInt8(($0 * 37) % 256) }
        let image = try PNGReader.decode(PNGWriter.encode(grayscale: pixels, width: 31, height: 17))
        #expect(image.bitDepth == 8 && image.gray == pixels)
        #expect(image[1, 0] == 37)
    }

    @Test func whitePaperCompressesWell() {
        let png = PNGWriter.encode(Bitmap(width: 576, height: 1000))
        #expect(png.count < 2_000)
    }

    @Test(arguments: [0, 1, 3, 258, 259, 40_000, 70_000])
    func deflateRoundTrip(count: Int) throws {
        var seed: UInt32 = 1
        let data = (0..<count).map { index -> UInt8 in
            seed = seed &* 1_103_515_245 &+ 12345
            return index % 1000 < 500 ? UInt8(truncatingIfNeeded: seed >> 16) : UInt8(index % 7)
        }
        #expect(try PNGInflate.zlibDecompress(PNGDeflate.zlibCompress(data)) == data)
    }

    /// zlib's own output (level 9, a dynamic-Huffman block) inflates to the same bytes.
    @Test func inflatesZlibDynamicBlock() throws {
        let compressed: [UInt8] = [
            0x78, 0xDA, 0x25, 0x4F, 0xDB, 0x01, 0x00, 0x21, 0x08, 0x9A, 0x15, 0x10, 0xDD, 0x7F, 0x83, 0x83,
            0xAE, 0x7E, 0x4C, 0x9E, 0x71, 0x21, 0x00, 0x32, 0xD1, 0x81, 0x82, 0x39, 0x0B, 0x5A, 0x04, 0xE7,
            0x70, 0x1C, 0x60, 0x99, 0x13, 0x70, 0xC0, 0xC7, 0xA6, 0xD7, 0x9D, 0xA2, 0x55, 0xDE, 0x17, 0x69,
            0x70, 0x67, 0xA3, 0x40, 0x7C, 0x94, 0xC8, 0x02, 0xEE, 0xC5, 0xC7, 0x94, 0x8D, 0xE9, 0x0A, 0x8D,
            0xD9, 0x00, 0x83, 0x69, 0xE4, 0x31, 0x06, 0xC9, 0x2C, 0xF9, 0xEA, 0x55, 0xC6, 0x5F, 0xE9, 0x8F,
            0x3D, 0xE7, 0x89, 0xB0, 0xD3, 0x69, 0x1F, 0x38, 0x6C, 0x20, 0x0F, 0xB5, 0x53, 0x59, 0xD9, 0x74,
            0xCC, 0xEC, 0x76, 0x0B, 0xC0, 0x32, 0x22, 0xF9, 0x03, 0xE7, 0x39, 0x44, 0xA5, 0x56, 0x4B, 0x9A,
            0x64, 0xBD, 0x8A, 0x43, 0x4D, 0x10, 0x9F, 0x86, 0xBB, 0x2C, 0xA1, 0xCA, 0x16, 0xCB, 0x7D, 0x9F,
            0x74, 0x1A, 0xF4, 0xFB, 0xB1, 0xFF, 0x00, 0xF4, 0xC4, 0x73, 0x9E,
        ]
        let alphabet = Array("aaaaaabbbccdefg".utf8)
        var x: UInt32 = 1
        let expected = (0..<300).map { _ -> UInt8 in
            x = (x &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            return alphabet[Int((x >> 16) % 15)]
        }
        #expect((compressed[2] >> 1) & 3 == 2)
        #expect(try PNGInflate.zlibDecompress(compressed) == expected)
    }

    @Test func inflatesStoredBlock() throws {
        let stored: [UInt8] = [
            0x78, 0x01, 0x01, 0x0D, 0x00, 0xF2, 0xFF, 0x73, 0x74, 0x6F, 0x72, 0x65, 0x64, 0x20, 0x62, 0x6C, 0x6F,
            0x63, 0x6B, 0x21, 0x24, 0x5E, 0x04, 0xDE,
        ]
        #expect(try PNGInflate.zlibDecompress(stored) == Array("stored block!".utf8))
    }

    /// A 5×4 8-bit PNG made with Python's zlib, one row per filter type Sub, Up, Average, Paeth.
    @Test func readsAllFilterTypes() throws {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
            0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00, 0x63, 0x58, 0xAA, 0x9C, 0x00,
            0x00, 0x00, 0x17, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0xD0, 0x00, 0x02, 0x26, 0x41, 0x10,
            0x60, 0x96, 0x92, 0x05, 0x02, 0x16, 0x30, 0x1B, 0x00, 0x18, 0x52, 0x01, 0xE3, 0x34, 0x16, 0x1C, 0x9E,
            0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        let image = try PNGReader.decode(png)
        let expected = (0..<4).flatMap { y in (0..<5).map { x in UInt8((x * 40 + y * 17) % 256) } }
        #expect(image.width == 5 && image.height == 4 && image.gray == expected)
    }

    @Test func rejectsDamagedFiles() {
        let png = PNGWriter.encode(Bitmap(width: 8, height: 8))
        #expect(throws: PNGError.notPNG) { try PNGReader.decode(Array("GIF89a".utf8)) }
        var flipped = png
        flipped[20] ^= 0x01
        #expect(throws: PNGError.badChecksum(chunk: "IHDR")) { try PNGReader.decode(flipped) }
        #expect(throws: PNGError.truncatedData) { try PNGReader.decode(Array(png.prefix(40))) }
        var badAdler = [UInt8](PNGDeflate.zlibCompress([1, 2, 3]))
        badAdler[badAdler.count - 1] ^= 0xFF
        #expect(throws: PNGError.badChecksum(chunk: "IDAT (Adler-32)")) { try PNGInflate.zlibDecompress(badAdler) }
        #expect(PNGError.badChecksum(chunk: "IHDR").description == "PNG checksum mismatch in IHDR")
    }

    @Test func rejectsColorImages() {
        var header = [UInt8](repeating: 0, count: 13)
        header[3] = 1
        header[7] = 1
        header[8] = 8
        header[9] = 2
        let png =
            PNGWriter.signature + PNGWriter.chunk("IHDR", header)
            + PNGWriter.chunk("IDAT", PNGDeflate.zlibCompress([0, 0, 0, 0])) + PNGWriter.chunk("IEND", [])
        #expect(throws: PNGError.unsupported("color type 2 (only grayscale, type 0)")) { try PNGReader.decode(png) }
    }
}
