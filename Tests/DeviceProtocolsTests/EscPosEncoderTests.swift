import DeviceProtocols
import KioskTesting
import Testing

@Suite struct EscPosEncoderTests {
    let encoder = EscPosEncoder(profile: .escPosTest())

    @Test func simpleCommandsAreByteExact() {
        #expect(encoder.initialize().bytes == [0x1B, 0x40])
        #expect(encoder.align(.left).bytes == [0x1B, 0x61, 0x00])
        #expect(encoder.align(.center).bytes == [0x1B, 0x61, 0x01])
        #expect(encoder.align(.right).bytes == [0x1B, 0x61, 0x02])
        #expect(encoder.feedLines(3).bytes == [0x1B, 0x64, 0x03])
        #expect(encoder.feedDots(200).bytes == [0x1B, 0x4A, 0xC8])
        #expect(encoder.lineSpacing(30).bytes == [0x1B, 0x33, 0x1E])
        #expect(encoder.lineFeed().bytes == [0x0A])
        #expect(encoder.raw([0xAA, 0x55]).bytes == [0xAA, 0x55])
    }

    @Test func builderAppendsInOrder() {
        let bytes = encoder.initialize().align(.center).feedLines(1).bytes
        #expect(bytes == [0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x64, 0x01])
    }

    @Test(arguments: [
        (PrinterStatusRequest.printer, [UInt8]([0x10, 0x04, 0x01])),
        (.offlineCause, [0x10, 0x04, 0x02]),
        (.paper, [0x10, 0x04, 0x04]),
    ])
    func statusRequests(request: PrinterStatusRequest, bytes: [UInt8]) {
        #expect(encoder.statusRequest(request).bytes == bytes)
        #expect(request.command == bytes)
    }

    @Test func textIsASCIIFollowedByLineFeed() throws {
        #expect(try encoder.text("A012 ~").bytes == [0x41, 0x30, 0x31, 0x32, 0x20, 0x7E, 0x0A])
        #expect(try encoder.text("").bytes == [0x0A])
    }

    @Test func textRefusesVietnameseAndControlBytes() {
        #expect(throws: EscPosError.textNotPrintableASCII(character: "ầ")) { try encoder.text("Quầy 3: Hộ tịch") }
        #expect(throws: EscPosError.textNotPrintableASCII(character: "\u{1B}")) { try encoder.text("a\u{1B}@") }
        #expect(throws: EscPosError.textNotPrintableASCII(character: "\r\n")) { try encoder.text("a\r\nb") }
        #expect(throws: EscPosError.textNotPrintableASCII(character: "\u{7F}")) { try encoder.text("\u{7F}") }
        let error = EscPosError.textNotPrintableASCII(character: "ầ")
        #expect(
            error.description == "text mode takes printable ASCII only (got U+1EA7): rasterise Vietnamese text instead")
    }

    static let cutCases: [(PrinterProfile.Cut, UInt8, [UInt8])] = [
        (.full, 0, [0x1D, 0x56, 0x00]),
        (.partial, 0, [0x1D, 0x56, 0x01]),
        (.feedFull, 0, [0x1D, 0x56, 0x41, 0x00]),
        (.feedPartial, 0, [0x1D, 0x56, 0x42, 0x00]),
        (PrinterProfile.Cut.none, 0, []),
        (.full, 96, [0x1B, 0x4A, 0x60, 0x1D, 0x56, 0x00]),
        (.partial, 96, [0x1B, 0x4A, 0x60, 0x1D, 0x56, 0x01]),
        (.feedFull, 96, [0x1D, 0x56, 0x41, 0x60]),
        (.feedPartial, 96, [0x1D, 0x56, 0x42, 0x60]),
        (PrinterProfile.Cut.none, 96, [0x1B, 0x4A, 0x60]),
    ]

    @Test(arguments: cutCases)
    func cutFollowsProfile(cut: PrinterProfile.Cut, feed: UInt8, bytes: [UInt8]) {
        #expect(EscPosEncoder(profile: .escPosTest(cut: cut)).cut(feedDots: feed).bytes == bytes)
    }
}
