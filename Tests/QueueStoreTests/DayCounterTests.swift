import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// Allocation heals itself: tickets stored without the day counter knowing them (a restore, an import, a
/// generated history) never make issuing fail; the counter catches up at start and on a collision.
@Suite("Day counters catch up with stored tickets")
struct DayCounterTests {
    /// Tickets written straight into the store, as an import or a restore of another copy would leave them.
    static func storeTickets(_ hall: TestHall, day: String, field: String, labels: [(String, Int)]) async throws {
        try await hall.database.writer.write { db in
            for (label, number) in labels {
                try db.execute(
                    sql: """
                        INSERT INTO ticket (token, serviceDay, issuedField, field, number, label, priority, state, issuedAt)
                        VALUES (?, ?, ?, ?, ?, ?, 'none', 'done', 0)
                        """, arguments: ["t-\(day)-\(label)", day, field, field, number, label])
            }
        }
    }

    static func counters(_ hall: TestHall) async throws -> [String: Int] {
        try await hall.database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT serviceDay, field, lastNumber FROM dailySequence")
            return Dictionary(
                uniqueKeysWithValues: rows.map { ("\($0["serviceDay"] as String) \($0["field"] as String)", $0["lastNumber"]) })
        }
    }

    @Test func aCollidingNumberIsSkippedNotAnError() async throws {
        let hall = try await TestHall()
        try await Self.storeTickets(
            hall, day: "2026-03-02", field: "dat-dai", labels: (1...5).map { (TicketLabel.make(prefix: "A", number: $0), $0) })
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(issued.ticket.label == "A006")
        #expect(
            try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.label == "A007"
        )
        #expect(try await Self.counters(hall)["2026-03-02 dat-dai"] == 7)
    }

    @Test func startCatchesUpTodayAndLaterButLeavesThePast() async throws {
        let hall = try await TestHall()
        try await Self.storeTickets(hall, day: "2026-03-01", field: "dat-dai", labels: [("A001", 1)])
        try await Self.storeTickets(hall, day: "2026-03-02", field: "dat-dai", labels: [("A001", 1), ("A004", 4)])
        try await Self.storeTickets(hall, day: "2026-03-03", field: "ho-tich", labels: [("B007", 7)])
        // A label under the land prefix stored for another field (prefixes were swapped that day).
        try await Self.storeTickets(hall, day: "2026-03-02", field: "ho-tich", labels: [("A009", 9)])
        let changed = try await hall.database.reconcileDayCounters(from: "2026-03-02")
        #expect(changed == 3)
        #expect(
            try await Self.counters(hall) == ["2026-03-02 dat-dai": 9, "2026-03-02 ho-tich": 9, "2026-03-03 ho-tich": 7])
        #expect(try await hall.database.reconcileDayCounters(from: "2026-03-02") == 0)
        #expect(
            try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.label == "A010"
        )
    }

    @Test func theBenchHistoryIsPastDaysWithTheirCounters() async throws {
        let hall = try await TestHall(start: "2026-06-10 08:00")
        _ = try await hall.database.generateReportHistory(tickets: 2_000, year: 2026, seed: 3, asOf: hall.clock.now())
        let (lastDay, mismatched, badLabels) = try await hall.database.writer.read { db in
            (
                try String.fetchOne(db, sql: "SELECT MAX(serviceDay) FROM ticket"),
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT serviceDay, issuedField, MAX(number) AS n FROM ticket GROUP BY 1, 2) t
                        LEFT JOIN dailySequence s ON s.serviceDay = t.serviceDay AND s.field = t.issuedField
                        WHERE s.lastNumber IS NOT t.n
                        """),
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM ticket WHERE label <> (SELECT prefix FROM field WHERE code = issuedField) || printf('%03d', number)"
                )
            )
        }
        #expect(try #require(lastDay) < "2026-06-10")
        #expect(mismatched == 0)
        #expect(badLabels == 0)
        #expect(
            try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.label == "A001"
        )
    }
}
