import DeviceProtocols
import KioskTesting
import Testing

@Suite struct EscPosRasterTests {
    @Test func smallImageIsOneStripWithItsRowsAsIs() throws {
        let bitmap = Bitmap(width: 16, height: 2, data: [0x80, 0x01, 0xFF, 0x00])
        let bytes = try EscPosEncoder(profile: .escPosTest()).raster(bitmap).bytes
        #expect(bytes == [0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x80, 0x01, 0xFF, 0x00])
    }

    @Test func widthIsRoundedUpToWholeBytes() throws {
        let bitmap = Bitmap(width: 300, height: 1)
        let bytes = try EscPosEncoder(profile: .escPosTest()).raster(bitmap).bytes
        #expect(Array(bytes[0..<8]) == [0x1D, 0x76, 0x30, 0x00, 38, 0x00, 0x01, 0x00])
        #expect(bytes.count == 8 + 38)
    }

    @Test func tallImageIsSplitIntoStripsOfAtMostMaxStripHeight() throws {
        var bitmap = Bitmap(width: 384, height: 600)
        for y in 0..<600 { bitmap[y % 384, y] = true }
        let bytes = try EscPosEncoder(profile: .escPosTest(maxStripHeight: 256)).raster(bitmap).bytes
        let stripBytes = 8 + 48 * 256
        #expect(bytes.count == 3 * 8 + 48 * 600)
        #expect(Array(bytes[0..<8]) == [0x1D, 0x76, 0x30, 0x00, 0x30, 0x00, 0x00, 0x01])
        #expect(Array(bytes[stripBytes..<(stripBytes + 8)]) == [0x1D, 0x76, 0x30, 0x00, 0x30, 0x00, 0x00, 0x01])
        #expect(
            Array(bytes[(2 * stripBytes)..<(2 * stripBytes + 8)]) == [0x1D, 0x76, 0x30, 0x00, 0x30, 0x00, 0x58, 0x00])
        #expect(Array(bytes[8..<stripBytes]) == bitmap.rows(0..<256).data)
        #expect(Array(bytes[(stripBytes + 8)..<(2 * stripBytes)]) == bitmap.rows(256..<512).data)
        #expect(Array(bytes[(2 * stripBytes + 8)...]) == bitmap.rows(512..<600).data)
    }

    @Test(arguments: [(5, 1, 5), (100, 100, 1), (101, 100, 2), (6, 3, 2), (2304, 2303, 2)])
    func stripCountFollowsHeight(height: Int, maxStrip: Int, strips: Int) throws {
        let bitmap = Bitmap(width: 8, height: height)
        let bytes = try EscPosEncoder(profile: .escPosTest(maxStripHeight: maxStrip)).raster(bitmap).bytes
        #expect(bytes.count == strips * 8 + height)
    }

    @Test func emptyImageSendsNothing() throws {
        #expect(try EscPosEncoder(profile: .escPosTest()).raster(Bitmap(width: 384, height: 0)).bytes.isEmpty)
    }

    @Test func imageWiderThanPaperIsRefused() {
        #expect(throws: EscPosError.imageTooWide(width: 392, paperWidthDots: 384)) {
            try EscPosEncoder(profile: .escPosTest()).raster(Bitmap(width: 392, height: 1))
        }
        #expect(
            EscPosError.imageTooWide(width: 392, paperWidthDots: 384).description
                == "raster image is 392 dots wide but the paper has 384: scale or crop it first")
    }

    @Test func ticketJobIsInitCentreStripsFeedCut() throws {
        let bitmap = Bitmap(width: 8, height: 3, data: [0xF0, 0x0F, 0xAA])
        let header: [UInt8] = [0x1B, 0x40, 0x1B, 0x61, 0x01]
        let raster: [UInt8] =
            [0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xF0, 0x0F]
            + [0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0xAA]
        let full = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: .escPosTest(cut: .full, maxStripHeight: 2))
        #expect(full == header + raster + [0x1B, 0x4A, 0x60, 0x1D, 0x56, 0x00])
        let feedPartial = try EscPosEncoder.ticketJob(
            bitmap: bitmap, profile: .escPosTest(cut: .feedPartial, maxStripHeight: 2), feedDots: 120)
        #expect(feedPartial == header + raster + [0x1D, 0x56, 0x42, 0x78])
        let tearOff = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: .escPosTest(cut: .none, maxStripHeight: 2))
        #expect(tearOff == header + raster + [0x1B, 0x4A, 0x60])
    }
}
