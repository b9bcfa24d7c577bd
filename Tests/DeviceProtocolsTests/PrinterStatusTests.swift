import DeviceProtocols
import Testing

@Suite struct PrinterStatusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var printer: UInt8?
        var cause: UInt8?
        var paper: UInt8?
        var connection: PrinterStatus.Connection
        var conditions: [PrinterStatusCondition]
        var canPrint: Bool
        var testDescription: String {
            "\(String(describing: printer)) \(String(describing: cause)) \(String(describing: paper))"
        }
    }

    static let cases: [Case] = [
        Case(printer: 0x12, cause: 0x12, paper: 0x12, connection: .online, conditions: [], canPrint: true),
        // Out of paper, as a real printer answered (devices.md 1.6): offline, paper-end stop, both sensor pairs.
        Case(
            printer: 0x1A, cause: 0x32, paper: 0x7E, connection: .offline,
            conditions: [.paperOut, .offline, .paperNearEnd], canPrint: false),
        Case(
            printer: 0x1A, cause: 0x16, paper: 0x12, connection: .offline, conditions: [.coverOpen, .offline],
            canPrint: false),
        Case(printer: 0x12, cause: 0x12, paper: 0x1E, connection: .online, conditions: [.paperNearEnd], canPrint: true),
        Case(printer: 0x12, cause: 0x12, paper: 0x72, connection: .online, conditions: [.paperOut], canPrint: false),
        Case(
            printer: 0x1A, cause: 0x52, paper: 0x12, connection: .offline, conditions: [.error, .offline],
            canPrint: false),
        Case(printer: 0x1A, cause: 0x12, paper: 0x12, connection: .offline, conditions: [.offline], canPrint: false),
        // One bit of a sensor pair is enough (some clones set only one).
        Case(printer: 0x12, cause: 0x12, paper: 0x16, connection: .online, conditions: [.paperNearEnd], canPrint: true),
        Case(printer: 0x12, cause: 0x12, paper: 0x32, connection: .online, conditions: [.paperOut], canPrint: false),
        // Other bits (drawer, feed button) do not matter.
        Case(printer: 0x16, cause: 0x1A, paper: 0x12, connection: .online, conditions: [], canPrint: true),
        Case(printer: nil, cause: nil, paper: nil, connection: .noReply, conditions: [.noReply], canPrint: false),
        Case(printer: 0x12, cause: nil, paper: nil, connection: .online, conditions: [], canPrint: true),
        Case(
            printer: nil, cause: 0x12, paper: 0x7E, connection: .noReply,
            conditions: [.noReply, .paperOut, .paperNearEnd], canPrint: false),
    ]

    @Test(arguments: cases)
    func decodesReplies(_ c: Case) throws {
        let status = try PrinterStatus(printer: c.printer, offlineCause: c.cause, paper: c.paper)
        #expect(status.connection == c.connection)
        #expect(status.conditions == c.conditions)
        #expect(status.canPrint == c.canPrint)
    }

    @Test func missingRepliesLeaveFieldsUnknown() throws {
        let status = try PrinterStatus(printer: 0x12, offlineCause: nil, paper: nil)
        #expect(
            status.coverOpen == nil && status.paperOut == nil && status.paperNearEnd == nil
                && status.errorOccurred == nil)
        let stopped = try PrinterStatus(printer: 0x1A, offlineCause: 0x32, paper: nil)
        #expect(stopped.paperOut == true && stopped.paperNearEnd == nil && stopped.coverOpen == false)
    }

    @Test func repliesByRequest() throws {
        let status = try PrinterStatus(replies: [.printer: 0x1A, .offlineCause: 0x32, .paper: 0x7E])
        #expect(status == (try PrinterStatus(printer: 0x1A, offlineCause: 0x32, paper: 0x7E)))
    }

    @Test(arguments: [UInt8(0x00), 0xFF, 0x10, 0x02, 0x13, 0x92, 0x1B, 0x9A, 0x7F])
    func malformedBytesAreRejected(byte: UInt8) {
        for request in PrinterStatusRequest.allCases {
            var replies: [PrinterStatusRequest: UInt8] = [.printer: 0x12, .offlineCause: 0x12, .paper: 0x12]
            replies[request] = byte
            #expect(throws: PrinterStatusError.malformedReply(request: request, byte: byte)) {
                try PrinterStatus(replies: replies)
            }
        }
    }

    @Test func malformedMessagesNameRequestAndByte() {
        #expect(
            PrinterStatusError.malformedReply(request: .paper, byte: 0x93).description
                == "malformed reply 0x93 to DLE EOT 4: bits 1 and 4 must be 1, bits 0 and 7 must be 0")
        #expect(
            PrinterStatusError.malformedReply(request: .printer, byte: 0x10).description
                == "malformed reply 0x10 to DLE EOT 1: bits 1 and 4 must be 1, bits 0 and 7 must be 0"
                + " (bit 1 clear: this looks like an Automatic Status Back byte; disable ASB with GS a 0)")
    }

    @Test func summariesInBothLanguages() throws {
        let out = try PrinterStatus(printer: 0x1A, offlineCause: 0x32, paper: 0x7E)
        #expect(out.vietnameseSummary == "Máy in hết giấy")
        #expect(out.englishSummary == "Printer out of paper")
        let ready = try PrinterStatus(printer: 0x12, offlineCause: 0x12, paper: 0x12)
        #expect(ready.vietnameseSummary == "Máy in sẵn sàng")
        #expect(ready.englishSummary == "Printer ready")
        let silent = try PrinterStatus(printer: nil, offlineCause: nil, paper: nil)
        #expect(silent.vietnameseSummary == "Máy in không phản hồi (kiểm tra cáp và nguồn điện)")
    }

    @Test func everyConditionHasDistinctTexts() {
        let all = PrinterStatusCondition.allCases
        #expect(Set(all.map(\.vietnamese)).count == all.count)
        #expect(Set(all.map(\.english)).count == all.count)
        #expect(PrinterStatusCondition.coverOpen.vietnamese == "Nắp máy in đang mở")
        #expect(PrinterStatusCondition.paperNearEnd.english == "Printer paper nearly out")
        #expect(all.filter { !$0.blocksPrinting } == [.paperNearEnd])
        // Precomposed (NFC) letters only, as everything the kiosk renders must be: no combining marks.
        for condition in all {
            #expect(!condition.vietnamese.unicodeScalars.contains { (0x300...0x36F).contains($0.value) })
        }
    }
}
