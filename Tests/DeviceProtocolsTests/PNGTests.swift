import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct PNGTests {
    /// A bitmap with noise and solid bands, so rows differ and compress differently.
    static func pattern(width: Int, height: Int) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        var seed: UInt32 = 7
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_103_515_245 &+ 12345
                bitmap[x, y] = (seed >> 16) % 5 == 0 || (y / 40) % 2 == 1
            }
        }
        return bitmap
    }

    static func goldenPNG(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TicketFixtures.goldenDirectory.appendingPathComponent(name)))
    }

    @Test(arguments: [(1, 1), (8, 3), (10, 7), (384, 600), (577, 33)])
    func bitmapRoundTrip(width: Int, height: Int) throws {
        let bitmap = Self.pattern(width: width, height: height)
        let image = try PNGReader.decode(PNGWriter.encode(bitmap))
        #expect(image.width == width && image.height == height)
        #expect(Set(image.gray).isSubset(of: [0, 255]))
        #expect(image.bitmap() == bitmap)
    }

    @Test func grayscaleRoundTrip() throws {
        let pixels = (0..<(31 * 17)).map { UInt8(($0 * 37) % 256) }
        let image = try PNGReader.decode(PNGWriter.encode(grayscale: pixels, width: 31, height: 17))
        #expect(image.width == 31 && image.height == 17 && image.gray == pixels)
        #expect(image[1, 0] == 37)
    }

    /// Bitmaps are stored at one bit per pixel (a two-color palette), so paper stays small.
    @Test func bitmapsAreOneBitPerPixel() throws {
        let png = PNGWriter.encode(Bitmap(width: 10, height: 2, data: [0x80, 0x40, 0x00, 0x00]))
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width 10, height 2, bit depth 1, color type 3 (palette), no interlace.
        #expect(Array(png[12..<29]) == [0x49, 0x48, 0x44, 0x52, 0, 0, 0, 10, 0, 0, 0, 2, 1, 3, 0, 0, 0])
        #expect(PNGWriter.encode(Bitmap(width: 576, height: 1000)).count < 1_000)
        let ticket = try TicketFixtures.readPBM(TicketFixtures.goldenDirectory.appendingPathComponent("ticket-80mm.pbm"))
        #expect(ticket.width == 576 && PNGWriter.encode(ticket).count < 10_000)
    }

    /// PNG has no empty images: a zero-height bitmap or gray image becomes one white row.
    @Test func emptyImagesBecomeOneWhiteRow() throws {
        let paper = try PNGReader.decode(PNGWriter.encode(Bitmap(width: 12, height: 0)))
        #expect(paper == PNGImage(width: 12, height: 1, gray: [UInt8](repeating: 255, count: 12)))
        let gray = try PNGReader.decode(PNGWriter.encode(grayscale: [], width: 3, height: 0))
        #expect(gray == PNGImage(width: 3, height: 1, gray: [255, 255, 255]))
    }

    /// The golden PNGs (written by the hand-made encoder this reader replaced) hold the golden tickets' pixels.
    @Test(arguments: ["ticket-80mm", "ticket-58mm", "ticket-80mm-plain"])
    func decodesGoldenTicket(name: String) throws {
        let expected = try TicketFixtures.readPBM(TicketFixtures.goldenDirectory.appendingPathComponent("\(name).pbm"))
        #expect(try PNGReader.decode(Self.goldenPNG("\(name).png")).bitmap() == expected)
    }

    /// A 5×4 8-bit PNG made with Python's zlib, one row per filter type Sub, Up, Average, Paeth.
    @Test func decodesEveryFilterType() throws {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
            0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00, 0x63, 0x58, 0xAA, 0x9C, 0x00,
            0x00, 0x00, 0x17, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0xD0, 0x00, 0x02, 0x26, 0x41, 0x10,
            0x60, 0x96, 0x92, 0x05, 0x02, 0x16, 0x30, 0x1B, 0x00, 0x18, 0x52, 0x01, 0xE3, 0x34, 0x16, 0x1C, 0x9E,
            0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        let image = try PNGReader.decode(png)
        let expected: [UInt8] = (0..<4).flatMap { y in (0..<5).map { x in UInt8((x * 40 + y * 17) % 256) } }
        #expect(image.width == 5 && image.height == 4 && image.gray == expected)
    }

    @Test func rejectsWhatIsNotPNG() {
        for bytes in [[], Array("GIF89a".utf8), Array("GIF89a, a longer header than a PNG signature".utf8)] {
            #expect(throws: PNGError.notPNG) { try PNGReader.decode(bytes) }
        }
        #expect(PNGError.notPNG.description == "not a PNG file (signature missing)")
    }

    @Test func rejectsCorruptedChunkChecksums() throws {
        let png = PNGWriter.encode(Self.pattern(width: 40, height: 30))
        var header = png
        header[20] ^= 0x01  // IHDR's height
        #expect(throws: PNGError.badChecksum(chunk: "IHDR")) { try PNGReader.decode(header) }
        let idat = try #require((8..<(png.count - 4)).first { Array(png[$0..<($0 + 4)]) == Array("IDAT".utf8) })
        let length = png[(idat - 4)..<idat].reduce(0) { $0 << 8 | Int($1) }
        var data = png
        data[idat + 4 + length] ^= 0x80  // first byte of IDAT's CRC
        #expect(throws: PNGError.badChecksum(chunk: "IDAT")) { try PNGReader.decode(data) }
        #expect(PNGError.badChecksum(chunk: "IHDR").description == "PNG checksum mismatch in IHDR")
    }

    @Test func rejectsTruncatedData() {
        let png = PNGWriter.encode(Self.pattern(width: 64, height: 64))
        for length in [8, 20, 40, png.count / 2, png.count - 13, png.count - 12, png.count - 1] {
            #expect(throws: PNGError.truncatedData, "cut at \(length) of \(png.count)") {
                try PNGReader.decode(Array(png.prefix(length)))
            }
        }
        let middleMissing = Array(png.prefix(png.count / 2) + png.suffix(12))
        #expect(throws: PNGError.truncatedData) { try PNGReader.decode(middleMissing) }
        #expect(PNGError.truncatedData.description == "PNG data ends too early")
    }

    /// A 4×4 image whose (valid) zlib stream holds only two rows.
    @Test func rejectsMissingRows() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
            0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00, 0x8C, 0x9A, 0xC1, 0xA2, 0x00,
            0x00, 0x00, 0x0F, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x10, 0x50, 0x30, 0x70, 0x60, 0x00, 0x11,
            0x00, 0x05, 0xAA, 0x01, 0x41, 0x84, 0x50, 0xBF, 0xC3, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
            0xAE, 0x42, 0x60, 0x82,
        ]
        #expect(throws: PNGError.truncatedData) { try PNGReader.decode(png) }
    }

    /// Valid chunks around a broken zlib stream: libpng's own words are kept.
    @Test func rejectsCorruptImageData() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
            0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0xDC, 0x57, 0x50, 0x11, 0x00,
            0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0xFF, 0x10, 0x50, 0x30, 0x70, 0x00, 0x00, 0x01,
            0x45, 0x00, 0xA1, 0x82, 0x8B, 0x45, 0xDC, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
            0x60, 0x82,
        ]
        #expect(throws: PNGError.corruptData("IDAT: invalid block type")) { try PNGReader.decode(png) }
    }

    /// A valid 100 000 × 100 000 header is refused before the 10 GB it asks for is allocated.
    @Test func rejectsHugeImages() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
            0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 0x08, 0x00, 0x00, 0x00, 0x00, 0x8D, 0x39, 0x54, 0x14, 0x00,
            0x00, 0x00, 0x0B, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x80, 0x01, 0x00, 0x00, 0x0A, 0x00,
            0x01, 0x7F, 0x80, 0x74, 0x5E, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        #expect(throws: PNGError.unsupported("size 100000×100000")) { try PNGReader.decode(png) }
    }
}
