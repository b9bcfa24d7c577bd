import Testing

@testable import DeviceProtocols

@Suite struct HIDKeyTrackerTests {
    /// Key-downs for each report in turn.
    static func downs(_ reports: [[UInt8]]) -> [[UInt8]] {
        var tracker = HIDKeyTracker()
        return reports.map { bytes in HIDBootReport(bytes).map { tracker.keyDowns($0) } ?? [] }
    }

    static func keys(_ usages: UInt8...) -> [UInt8] {
        [0x00, 0x00] + usages + [UInt8](repeating: 0, count: 6 - usages.count)
    }

    static let released = [UInt8](repeating: 0, count: 8)
    static let phantom: [UInt8] = [0, 0, 1, 1, 1, 1, 1, 1]

    @Test func pressThenRelease() {
        #expect(Self.downs([Self.keys(0x1E), Self.released]) == [[0x1E], []])
    }

    @Test func holdingAKeyAcrossReportsPressesOnce() {
        let held = Self.keys(0x59)
        #expect(Self.downs([held, held, held, held, Self.released]) == [[0x59], [], [], [], []])
    }

    @Test func pressReleasePressIsTwoPresses() {
        #expect(Self.downs([Self.keys(0x1F), Self.released, Self.keys(0x1F)]) == [[0x1F], [], [0x1F]])
    }

    @Test func twoKeysAtOnceAreTwoDowns() {
        #expect(Self.downs([Self.keys(0x1E, 0x1F), Self.released]) == [[0x1E, 0x1F], []])
    }

    @Test func secondKeyJoiningAHeldOneOnlyPressesTheNewOne() {
        let reports = [Self.keys(0x1E), Self.keys(0x1E, 0x20), Self.keys(0x20), Self.released]
        #expect(Self.downs(reports) == [[0x1E], [0x20], [], []])
    }

    @Test func slotShiftIsNotAPress() {
        // The first key released, the second moves to slot 0: nothing new went down.
        #expect(Self.downs([Self.keys(0x1E, 0x21), Self.keys(0x21)]) == [[0x1E, 0x21], []])
    }

    @Test func rolloverPhantomIsIgnored() {
        // 1 held, rollover, back to only 1: no second press of 1 and no press from the phantom.
        let reports = [Self.keys(0x1E), Self.phantom, Self.keys(0x1E), Self.released]
        #expect(Self.downs(reports) == [[0x1E], [], [], []])
        // A key that was not held before the rollover and is held after it went down during it.
        #expect(Self.downs([Self.keys(0x1E), Self.phantom, Self.keys(0x1E, 0x22)]) == [[0x1E], [], [0x22]])
        // A phantom from nothing held, then release: nothing at all.
        #expect(Self.downs([Self.phantom, Self.released]) == [[], []])
    }

    @Test func modifierOnlyChangesPressNothing() {
        #expect(Self.downs([[0x02, 0, 0, 0, 0, 0, 0, 0], Self.released]) == [[], []])
    }

    @Test func resetForgetsHeldKeys() throws {
        var tracker = HIDKeyTracker()
        let held = try #require(HIDBootReport(Self.keys(0x5B)))
        #expect(tracker.keyDowns(held) == [0x5B])
        #expect(tracker.held == [0x5B])
        tracker.reset()
        #expect(tracker.keyDowns(held) == [0x5B])
    }
}
