import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Staffing history from the store")
struct StaffingQueryTests {
    /// Two Mondays: 3 land tickets at 08:xx on the first, 1 on the second (→ 2 per hour on an average day);
    /// one served for 10 min and one for 6 (→ mean 8 min).
    @Test func arrivalsAreAveragedOverObservedDaysAndServiceOverDoneTickets() async throws {
        let hall = try await TestHall()
        let db = hall.database
        for _ in 0..<3 { _ = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()) }
        let first = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        _ = try await db.apply(.serve, ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 10)
        _ = try await db.apply(.done(.returned), ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.set(ManualClock.vietnamDate("2026-03-09 08:30"))
        _ = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let next = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        _ = try await db.apply(.serve, ticket: next.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 6)
        _ = try await db.apply(.done(.returned), ticket: next.ticket.id, by: hall.staff(1), at: hall.clock.now())
        let history = try await db.staffingHistory(
            from: try #require(DayKey(iso: "2026-03-02")), to: try #require(DayKey(iso: "2026-03-09")))
        #expect(history.dayCount == 2)
        #expect(history.arrivalsPerHour == ["dat-dai": [8: 2]])
        #expect(history.meanServiceMinutes == ["dat-dai": 8])
        let rows = history.plan(catalog: CatalogBuilder.small())
        #expect(rows.map(\.counters) == [1])
        let none = try await db.staffingHistory(from: try #require(DayKey(iso: "2026-04-01")), to: try #require(DayKey(iso: "2026-04-30")))
        #expect(none.dayCount == 0)
    }
}
