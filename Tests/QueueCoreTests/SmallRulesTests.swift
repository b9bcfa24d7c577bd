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

    @Test func serviceMeanWeighsRecentDurations() {
        let estimator = WaitEstimator(alpha: 0.5, defaultServiceMinutes: 6)
        #expect(estimator.meanServiceMinutes([]) == 6)
        #expect(estimator.meanServiceMinutes([10]) == 8)
        #expect(estimator.meanServiceMinutes([10, 2]) == 5)
    }
}
