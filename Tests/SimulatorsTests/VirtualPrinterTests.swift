import DeviceProtocols
import Foundation
import KioskTesting
import Simulators
import Testing

@Suite struct VirtualPrinterTests {
    /// A bitmap with structure in every strip and a ragged right edge (300 is not a multiple of 8).
    static func ticketBitmap(width: Int = 300, height: Int = 600) -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        var seed: UInt32 = 42
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                bitmap[x, y] = x == 0 || x == width - 1 || y == 0 || y == height - 1 || (seed >> 24) < 40
            }
        }
        return bitmap
    }

    @Test(arguments: [PrinterProfile.Cut.full, .partial, .feedFull, .feedPartial, .none])
    func ticketRoundTripIsPixelExact(cut: PrinterProfile.Cut) throws {
        let bitmap = Self.ticketBitmap()
        let profile = PrinterProfile.escPosTest(cut: cut, maxStripHeight: 256)
        let printout = try VirtualPrinter.print(
            try EscPosEncoder.ticketJob(bitmap: bitmap, profile: profile), profile: profile)
        let page = try #require(printout.pages.first)
        #expect(printout.pages.count == 1)
        let expectedCut: VirtualPrinterPage.Cut? =
            switch cut {
            case .full, .feedFull: .full
            case .partial, .feedPartial: .partial
            case .none: nil
            }
        #expect(page.cut == expectedCut)
        // 300 dots = 38 bytes = 304 dots, centred on 384: 40 dots from the left.
        #expect(
            page.rasterStrips == [
                VirtualPrinterRegion(x: 40, y: 0, width: 304, height: 256),
                VirtualPrinterRegion(x: 40, y: 256, width: 304, height: 256),
                VirtualPrinterRegion(x: 40, y: 512, width: 304, height: 88),
            ])
        #expect(page.printedRegion == VirtualPrinterRegion(x: 40, y: 0, width: 304, height: 600))
        #expect(page.bitmap.width == 384 && page.bitmap.height == 600 + 96)
        #expect(page.crop(VirtualPrinterRegion(x: 40, y: 0, width: 300, height: 600)) == bitmap)
        #expect(page.bitmap.blackPixelCount == bitmap.blackPixelCount)
        let decoded = try PNGReader.decode(PNGWriter.encode(page.bitmap)).bitmap()
        #expect(decoded == page.bitmap)
    }

    @Test func bytesSplitAcrossWritesGiveTheSamePaper() throws {
        let profile = PrinterProfile.escPosTest(cut: .feedPartial, nativeQR: true)
        let bytes = try EscPosEncoder(profile: profile).initialize().align(.center).raster(
            Self.ticketBitmap(height: 300)
        )
        .qrCode("https://hcc.example.vn/t/A012").text("A012").cut(feedDots: 40).bytes
        let whole = try VirtualPrinter.print(bytes, profile: profile)
        var printer = VirtualPrinter(profile: profile)
        for start in stride(from: 0, to: bytes.count, by: 7) {
            try printer.receive(Array(bytes[start..<min(start + 7, bytes.count)]))
        }
        #expect(try printer.printout() == whole)
    }

    @Test func nativeQRIsDecodedAndDrawn() throws {
        let profile = PrinterProfile.escPosTest(cut: .full, nativeQR: true, width: 576)
        let url = "https://hcc.example.vn/t/A012"
        let bytes = try EscPosEncoder(profile: profile).initialize().align(.center)
            .qrCode(url, moduleSize: 5, errorCorrection: .quartile).cut().bytes
        let page = try #require(try VirtualPrinter.print(bytes, profile: profile).pages.first)
        let qr = try #require(page.qrCodes.first)
        #expect(qr.text == url && qr.data == Array(url.utf8))
        #expect(qr.moduleSize == 5 && qr.errorCorrection == .quartile)
        let side = (17 + 4 * qr.version) * 5
        #expect(qr.region == VirtualPrinterRegion(x: (576 - side) / 2, y: 0, width: side, height: side))
        #expect(page.bitmap.height == side)
        // Finder pattern: the top-left 7×7 modules have a dark ring, a light ring and a dark 3×3 centre.
        #expect(page.bitmap[qr.region.x, 0] && page.bitmap[qr.region.x + 6 * 5, 6 * 5])
        #expect(!page.bitmap[qr.region.x + 5, 5] && page.bitmap[qr.region.x + 15, 15])
        #expect(page.crop(VirtualPrinterRegion(x: 0, y: 0, width: qr.region.x, height: side)).blackPixelCount == 0)
    }

    @Test func qrNeedsStoredDataAndModel2() throws {
        let profile = PrinterProfile.escPosTest(nativeQR: true)
        #expect(throws: VirtualPrinterError.qrPrintWithoutData(offset: 0)) {
            try VirtualPrinter.print([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30], profile: profile)
        }
        let model1: [UInt8] = [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x31, 0x00]
        let stream =
            model1 + [
                0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x50, 0x30, 0x41, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
            ]
        #expect(throws: VirtualPrinterError.qrUnsupportedModel(offset: 18, model: 49)) {
            try VirtualPrinter.print(stream, profile: profile)
        }
    }

    @Test func textLinesAreRecordedInFontACells() throws {
        let profile = PrinterProfile.escPosTest(cut: .partial)
        let bytes = try EscPosEncoder(profile: profile).initialize().lineSpacing(30).align(.center).text("A012")
            .align(.left).text("B 7").feedLines(2).cut().bytes
        let page = try #require(try VirtualPrinter.print(bytes, profile: profile).pages.first)
        #expect(
            page.textLines == [
                VirtualPrinterTextLine(text: "A012", region: VirtualPrinterRegion(x: 168, y: 0, width: 48, height: 24)),
                VirtualPrinterTextLine(text: "B 7", region: VirtualPrinterRegion(x: 0, y: 30, width: 36, height: 24)),
            ])
        #expect(page.bitmap.height == 30 + 30 + 60)
        // "B 7": cells for B and 7 are outlined, the space is blank.
        #expect(page.crop(VirtualPrinterRegion(x: 12, y: 30, width: 12, height: 24)).blackPixelCount == 0)
        #expect(page.crop(VirtualPrinterRegion(x: 0, y: 30, width: 12, height: 24)).blackPixelCount > 0)
    }

    @Test func longTextWrapsAtPaperWidth() throws {
        let profile = PrinterProfile.escPosTest()
        let bytes = try EscPosEncoder(profile: profile).text(String(repeating: "x", count: 40)).bytes
        let page = try #require(try VirtualPrinter.print(bytes, profile: profile).pages.first)
        #expect(page.textLines.map(\.text) == [String(repeating: "x", count: 32), String(repeating: "x", count: 8)])
        #expect(page.textLines.map(\.region.y) == [0, 34])
    }

    @Test func everyCutStartsAPageAndTheRollShowsCutMarks() throws {
        let profile = PrinterProfile.escPosTest(cut: .full)
        let one = Bitmap(width: 384, height: 10, data: [UInt8](repeating: 0xFF, count: 480))
        let job = try EscPosEncoder.ticketJob(bitmap: one, profile: profile, feedDots: 20)
        let printout = try VirtualPrinter.print(job + job + [0x1B, 0x4A, 0x05], profile: profile)
        #expect(printout.pages.map(\.cut) == [.full, .full, nil])
        #expect(printout.pages.map(\.bitmap.height) == [30, 30, 5])
        let roll = printout.roll
        #expect(roll.height == 30 + 1 + 30 + 1 + 5)
        #expect((0..<10).map { roll[$0, 30] } == [true, true, true, true, true, true, false, false, false, false])
        #expect(try PNGReader.decode(printout.png()).bitmap() == roll)
    }

    @Test func partialCutMarkLeavesABridge() throws {
        let profile = PrinterProfile.escPosTest(cut: .partial)
        let printout = try VirtualPrinter.print([0x1B, 0x4A, 0x02, 0x1D, 0x56, 0x01], profile: profile)
        let roll = printout.roll
        #expect(roll.height == 3)
        #expect((180..<204).allSatisfy { !roll[$0, 2] } && roll[170, 2])
    }

    @Test func writesPNGFile() throws {
        let profile = PrinterProfile.escPosTest(cut: .full)
        let printout = try VirtualPrinter.print(
            try EscPosEncoder.ticketJob(bitmap: Self.ticketBitmap(), profile: profile), profile: profile)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "virtual-printer-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try printout.writePNG(to: url)
        let image = try PNGReader.decode(Array(try Data(contentsOf: url)))
        #expect(image.width == 384 && image.height == 600 + 96 + 1)
        #expect(image.bitmap() == printout.roll)
    }

    @Test func statusRequestsAreAnsweredFromSensors() throws {
        var printer = VirtualPrinter(profile: .escPosTest(), sensors: VirtualPrinterSensors(paperOut: true))
        let encoder = EscPosEncoder(profile: .escPosTest())
        var replies: [UInt8] = []
        for request in PrinterStatusRequest.allCases {
            replies += try printer.receive(encoder.statusRequest(request).bytes)
        }
        #expect(replies == [0x1A, 0x32, 0x7E])
        let status = try PrinterStatus(printer: replies[0], offlineCause: replies[1], paper: replies[2])
        #expect(status.conditions == [.paperOut, .offline, .paperNearEnd])
        #expect(try printer.printout().statusRequests == [1, 2, 4])
    }

    @Test(arguments: [
        (VirtualPrinterSensors(), [UInt8]([0x12, 0x12, 0x12]), [PrinterStatusCondition]()),
        (VirtualPrinterSensors(coverOpen: true), [0x1A, 0x16, 0x12], [.coverOpen, .offline]),
        (VirtualPrinterSensors(paperNearEnd: true), [0x12, 0x12, 0x1E], [.paperNearEnd]),
        (VirtualPrinterSensors(offline: true), [0x1A, 0x52, 0x12], [.error, .offline]),
    ])
    func sensorRepliesParse(sensors: VirtualPrinterSensors, replies: [UInt8], conditions: [PrinterStatusCondition])
        throws
    {
        let bytes = PrinterStatusRequest.allCases.compactMap { sensors.reply(to: $0.rawValue) }
        #expect(bytes == replies)
        #expect(try PrinterStatus(printer: bytes[0], offlineCause: bytes[1], paper: bytes[2]).conditions == conditions)
    }

    @Test func silentFirmwareSendsNothing() throws {
        var printer = VirtualPrinter(profile: .escPosTest(statusSupported: false))
        #expect(try printer.receive([0x10, 0x04, 0x01]).isEmpty)
        #expect(try PrinterStatus(printer: nil, offlineCause: nil, paper: nil).connection == .noReply)
    }

    @Test func initializeResetsAlignment() throws {
        let profile = PrinterProfile.escPosTest()
        let bytes = try EscPosEncoder(profile: profile).align(.right).initialize().raster(Bitmap(width: 8, height: 1))
            .bytes
        let page = try #require(try VirtualPrinter.print(bytes, profile: profile).pages.first)
        #expect(page.rasterStrips.first?.x == 0)
        let right = try EscPosEncoder(profile: profile).align(.right).raster(Bitmap(width: 8, height: 1)).bytes
        #expect(try VirtualPrinter.print(right, profile: profile).pages.first?.rasterStrips.first?.x == 376)
    }

    @Test func doubleWidthRaster() throws {
        let stream: [UInt8] = [0x1D, 0x76, 0x30, 0x01, 0x01, 0x00, 0x01, 0x00, 0xC0]
        let page = try #require(try VirtualPrinter.print(stream, profile: .escPosTest()).pages.first)
        #expect(page.rasterStrips == [VirtualPrinterRegion(x: 0, y: 0, width: 16, height: 1)])
        #expect(page.bitmap.data.prefix(2) == [0xF0, 0x00])
    }

    @Test func malformedStreamsAreReportedWithOffsets() {
        let profile = PrinterProfile.escPosTest()
        #expect(throws: VirtualPrinterError.unknownCommand(offset: 2, bytes: [0x07])) {
            try VirtualPrinter.print([0x1B, 0x40, 0x07], profile: profile)
        }
        #expect(throws: VirtualPrinterError.incompleteCommand(offset: 2, command: "GS v 0", missingBytes: 3)) {
            try VirtualPrinter.print(
                [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x04, 0x00, 0xFF], profile: profile)
        }
        #expect(throws: VirtualPrinterError.textPendingBeforeImage(offset: 1)) {
            try VirtualPrinter.print([0x41, 0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0xFF], profile: profile)
        }
        #expect(throws: VirtualPrinterError.imageTooWide(offset: 0, width: 392, paperWidthDots: 384)) {
            try VirtualPrinter.print([0x1D, 0x76, 0x30, 0x00, 49, 0x00, 0x00, 0x00], profile: profile)
        }
        #expect(throws: VirtualPrinterError.unsupportedCommand(offset: 0, name: "ESC ! (print mode)")) {
            try VirtualPrinter.print([0x1B, 0x21, 0x30], profile: profile)
        }
        #expect(throws: VirtualPrinterError.invalidParameter(offset: 0, command: "ESC a", value: 3)) {
            try VirtualPrinter.print([0x1B, 0x61, 0x03], profile: profile)
        }
        #expect(
            VirtualPrinterError.incompleteCommand(offset: 2, command: "GS v 0", missingBytes: 3).description
                == "byte 2: stream ends inside GS v 0 (3 more byte(s) expected)")
    }

    @Test func emptyStreamHasNoPages() throws {
        #expect(try VirtualPrinter.print([0x1B, 0x40], profile: .escPosTest()).pages.isEmpty)
    }
}

extension VirtualPrinterTests {
    @Test func printoutIsASnapshot() throws {
        let profile = PrinterProfile.escPosTest(cut: .full)
        var printer = VirtualPrinter(profile: profile)
        try printer.receive([0x1B, 0x4A, 0x0A])
        #expect(try printer.printout().pages.map(\.bitmap.height) == [10])
        try printer.receive([0x1B, 0x4A, 0x05, 0x1D, 0x56, 0x00])
        let printout = try printer.printout()
        #expect(printout.pages.map(\.bitmap.height) == [15])
        #expect(printout.pages.map(\.cut) == [.full])
        #expect(printer.pages.count == 1)
    }

    /// A day of tickets must not grow the server: the port keeps only the latest printouts in memory.
    @Test func thePortKeepsOnlyTheLatestPrintouts() async throws {
        let profile = PrinterProfile.escPosTest(cut: .full)
        let port = VirtualPrinterPort(profile: profile, directory: nil, keptPrintouts: 3)
        for height in 1...5 {
            let bitmap = Bitmap(width: 16, height: height)
            try await port.write(try EscPosEncoder.ticketJob(bitmap: bitmap, profile: profile), job: "job-\(height)")
        }
        let heights = port.printouts.flatMap { $0.pages.map(\.bitmap.height) }
        #expect(heights.count == 3 && heights == [heights[0], heights[0] + 1, heights[0] + 2])  // jobs 3, 4 and 5
    }
}
