import Testing

@testable import DeviceProtocols

@Suite struct HIDBootReportTests {
    @Test func normalReportListsHeldKeys() throws {
        let report = try #require(HIDBootReport([0x00, 0x00, 0x1E, 0x00, 0x00, 0x00, 0x00, 0x00]))
        #expect(report.keys == [0x1E])
        #expect(report.modifiers == [])
        #expect(!report.isPhantom)
    }

    @Test func allReleasedIsEmpty() throws {
        let report = try #require(HIDBootReport([UInt8](repeating: 0, count: 8)))
        #expect(report.keys.isEmpty)
        #expect(!report.isPhantom)
    }

    @Test func modifiersAreParsedBitByBit() throws {
        let report = try #require(HIDBootReport([0b1010_0010, 0x00, 0x59, 0x00, 0x00, 0x00, 0x00, 0x00]))
        #expect(report.modifiers == [.leftShift, .rightShift, .rightGUI])
        #expect(report.modifiers.rawValue == 0xA2)
        #expect(report.keys == [0x59])
        #expect(HIDBootReport([0x01, 0, 0, 0, 0, 0, 0, 0])?.modifiers == .leftControl)
        #expect(HIDBootReport([0x40, 0, 0, 0, 0, 0, 0, 0])?.modifiers == .rightAlt)
    }

    @Test func twoKeysKeepSlotOrder() throws {
        let report = try #require(HIDBootReport([0x00, 0x00, 0x5A, 0x1F, 0x00, 0x00, 0x00, 0x00]))
        #expect(report.keys == [0x5A, 0x1F])
    }

    @Test func rolloverIsAPhantomWithNoKeys() throws {
        let report = try #require(HIDBootReport([0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01]))
        #expect(report.isPhantom)
        #expect(report.keys.isEmpty)
        // Modifiers are still real in a rollover report.
        #expect(HIDBootReport([0x02, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01])?.modifiers == .leftShift)
        // POSTFail and ErrorUndefined are error states too, never keys.
        #expect(HIDBootReport([0, 0, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02])?.isPhantom == true)
        #expect(HIDBootReport([0, 0, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03])?.isPhantom == true)
    }

    @Test func shortReportIsRejectedAndPaddingIgnored() {
        #expect(HIDBootReport([0x00, 0x00, 0x1E]) == nil)
        #expect(HIDBootReport([UInt8]()) == nil)
        let padded = HIDBootReport([0x00, 0x00, 0x20, 0, 0, 0, 0, 0, 0x99, 0x99])
        #expect(padded?.keys == [0x20])
    }

    @Test func bytesRoundTrip() {
        #expect(
            HIDBootReport(modifiers: .leftShift, keys: [0x1E, 0x28]).bytes == [0x02, 0x00, 0x1E, 0x28, 0, 0, 0, 0])
        #expect(HIDBootReport(keys: []).bytes == [0, 0, 0, 0, 0, 0, 0, 0])
        let phantom = HIDBootReport([0, 0, 1, 1, 1, 1, 1, 1])
        #expect(phantom?.bytes == [0, 0, 1, 1, 1, 1, 1, 1])
    }

    @Test func usageHelpers() {
        #expect(HIDUsage.digit(0x1E) == "1")
        #expect(HIDUsage.digit(0x26) == "9")
        #expect(HIDUsage.digit(0x27) == "0")
        #expect(HIDUsage.digit(0x59) == "1")
        #expect(HIDUsage.digit(0x61) == "9")
        #expect(HIDUsage.digit(0x62) == "0")
        #expect(HIDUsage.digit(0x28) == nil)
        #expect(HIDUsage.digit(0x53) == nil)
        #expect(HIDUsage.isEnter(0x28) && HIDUsage.isEnter(0x58) && !HIDUsage.isEnter(0x63))
    }
}
