import Foundation
import QueueCore
import Testing

@Suite("Labels, service days, estimates")
struct SmallRulesTests {
    @Test(arguments: [("A", 1, "A001"), ("B", 42, "B042"), ("C", 999, "C999"), ("D", 1000, "D1000"), ("AB", 7, "AB007")])
    func ticketLabels(prefix: String, number: Int, label: String) {
        #expect(TicketLabel.make(prefix: prefix, number: number) == label)
    }

    @Test func serviceDayIsVietnamTimeWhateverTheServerZone() {
        // 2026-03-02 17:30 UTC is already 00:30 on 3 March in Hà Nội.
        let instant = Date(timeIntervalSince1970: 1_772_472_600)
        #expect(VietnamTime.serviceDay(of: instant) == "2026-03-03")
        #expect(VietnamTime.iso8601(instant) == "2026-03-03T00:30:00+07:00")
    }

    @Test func estimateSplitsTheQueueOverOpenCounters() {
        let estimator = WaitEstimator(alpha: 0.5, defaultServiceMinutes: 6)
        #expect(estimator.estimateMinutes(ahead: 0, openCounters: 2, meanServiceMinutes: 6) == 0)
        #expect(estimator.estimateMinutes(ahead: 5, openCounters: 2, meanServiceMinutes: 6) == 15)
        #expect(estimator.estimateMinutes(ahead: 1, openCounters: 0, meanServiceMinutes: 4.2) == 5)
    }

    /// One counter busy, nobody waiting: half a service (3 of 6 min); one waiting: 1.5 services (9).
    /// Two counters, one busy, nobody waiting: the free one takes the citizen at once.
    @Test(arguments: [(0, 1, 1, 3), (1, 1, 1, 9), (0, 2, 1, 0), (1, 2, 1, 2), (3, 2, 2, 11), (0, 1, 0, 0)])
    func busyCountersCount(ahead: Int, open: Int, busy: Int, minutes: Int) {
        let estimator = WaitEstimator()
        #expect(estimator.estimateMinutes(ahead: ahead, openCounters: open, busyCounters: busy, meanServiceMinutes: 6) == minutes)
    }

    @Test func serviceMeanWeighsRecentDurations() {
        let estimator = WaitEstimator(alpha: 0.5, defaultServiceMinutes: 6)
        #expect(estimator.meanServiceMinutes([]) == 6)
        #expect(estimator.meanServiceMinutes([10]) == 8)
        #expect(estimator.meanServiceMinutes([10, 2]) == 5)
    }
}

@Suite("Vietnam time arithmetic")
struct VietnamTimeTests {
    /// The arithmetic agrees with Foundation's calendar over many instants, leap days and year ends included.
    @Test func agreesWithFoundation() {
        let calendar = VietnamTime.calendar
        var instant = Date(timeIntervalSince1970: 946_684_800 - 7 * 3600)  // 2000-01-01 00:00 in Hà Nội
        for _ in 0..<4000 {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: instant)
            let reading = VietnamTime.reading(instant)
            #expect(
                [reading.year, reading.month, reading.day, reading.hour, reading.minute, reading.second]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second])
            #expect(reading.weekday == ((parts.weekday ?? 1) + 5) % 7 + 1)
            instant.addTimeInterval(86_400 * 3 + 3_917)
        }
    }

    @Test func formatsWithTheOffset() {
        let instant = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02 08:00 +07:00
        #expect(VietnamTime.iso8601(instant) == "2026-03-02T08:00:00+07:00")
        #expect(VietnamTime.serviceDay(of: instant) == "2026-03-02")
        #expect(VietnamTime.clockTime(instant) == "08:00")
        #expect(VietnamTime.reading(instant).weekday == 1)
    }
}
