import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Staffing planner")
struct StaffingPlannerTests {
    @Test func callCentreExampleNeedsFourteen() {
        let row = StaffingPlanner().recommend(
            field: "x", hour: 9, arrivalsPerHour: 200, meanServiceMinutes: 3, waitTargetMinutes: 20.0 / 60)
        #expect(row.counters == 14)
        #expect(abs(row.serviceLevel - 0.8884) < 0.00005)
        #expect(abs(row.utilisation - 10.0 / 14) < 1e-12)
    }

    @Test func table() {
        let rows = StaffingPlanner().plan(
            arrivals: ["dat-dai": [8: 12, 9: 0], "ho-tich": [8: 6]],
            meanServiceMinutes: ["dat-dai": 10, "ho-tich": 8], waitTargetMinutes: ["dat-dai": 15, "ho-tich": 10])
        #expect(rows.map(\.field) == ["dat-dai", "dat-dai", "ho-tich"])
        #expect(rows.map(\.hour) == [8, 9, 8])
        // 12/h × 10 min = 2 erlangs: 3 counters give P(wait ≤ 15 min) = 1 − 0.4444·e^(−1.5) = 0.9008.
        #expect(rows.map(\.counters) == [3, 0, 2])
        #expect(abs(rows[0].probabilityOfWaiting - 4.0 / 9) < 1e-12)
        #expect(rows[1].serviceLevel == 1)
        // 6/h × 8 min = 0.8 erlang: one counter gives 1 − 0.8·e^(−0.25) = 0.3770 in 10 min, two give
        // 1 − (8/35)·e^(−1.5) = 0.9490 (C = 0.5333/2.3333 = 8/35).
        #expect(abs(rows[2].probabilityOfWaiting - 8.0 / 35) < 1e-12)
        #expect(abs(rows[2].serviceLevel - 0.94900) < 0.00001)
        #expect(abs(rows[0].serviceLevel - 0.90083) < 0.00001)
    }

    @Test func neverRecommendsAnUnstableQueue() {
        let row = StaffingPlanner(serviceLevel: 0).recommend(
            field: "x", hour: 8, arrivalsPerHour: 30, meanServiceMinutes: 6, waitTargetMinutes: 15)
        #expect(row.counters == 4)  // 3 erlangs: 3 counters would be exactly full
        #expect(row.utilisation < 1)
    }
}

@Suite("Staffing history")
struct StaffingHistoryTests {
    @Test func averagesArrivalsOverObservedDaysAndServiceOverDoneTickets() {
        var history = StaffingHistory()
        func ticket(_ day: Int, _ hour: Int, _ minute: Int, _ field: String, service: Double?) -> ReportTicket {
            let issued = DayKey(year: 2026, month: 3, day: day)!.date(atMinute: hour * 60 + minute)
            let start = issued.addingTimeInterval(60)
            return ReportTicket(
                field: field, issuedAt: issued, calledAt: start, servingAt: start,
                endedAt: service.map { start.addingTimeInterval($0) }, state: service == nil ? .noShow : .done)
        }
        // Monday: 3 land tickets at 8 h, 1 at 9 h; Tuesday: 1 land at 8 h, 1 civil status at 14 h.
        for t in [
            ticket(2, 8, 0, "dat-dai", service: 600), ticket(2, 8, 20, "dat-dai", service: 300),
            ticket(2, 8, 40, "dat-dai", service: nil), ticket(2, 9, 0, "dat-dai", service: 540),
            ticket(3, 8, 5, "dat-dai", service: 360), ticket(3, 14, 0, "ho-tich", service: 240),
        ] { history.add(t) }
        #expect(history.dayCount == 2)
        #expect(history.arrivalsPerHour == ["dat-dai": [8: 2, 9: 0.5], "ho-tich": [14: 0.5]])
        #expect(history.meanServiceMinutes == ["dat-dai": 1800.0 / 4 / 60, "ho-tich": 4])
        let rows = history.plan(catalog: CatalogBuilder.small())
        #expect(rows.map(\.field) == ["dat-dai", "dat-dai", "ho-tich"])
        #expect(rows.map(\.counters) == [1, 1, 1])
    }
}
