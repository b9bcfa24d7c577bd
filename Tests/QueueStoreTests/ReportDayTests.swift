import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Stored day tallies")
struct ReportDayTests {
    static let asOf = ManualClock.vietnamDate("2026-12-15 08:00")

    static func history() async throws -> (TestHall, ReportPeriod, ReportTargets) {
        let hall = try await TestHall()
        _ = try await hall.database.generateReportHistory(tickets: 3_000, year: 2026, seed: 11, asOf: asOf)
        return (hall, try ReportPeriod(parsing: "year:2026"), ReportTargets(catalog: try await hall.database.catalog()))
    }

    /// The report as JSON text with every number rounded to 9 significant digits.
    static func rounded(_ report: PeriodReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(report.figures))
        func round(_ value: Any) -> Any {
            if let number = value as? Double, number != number.rounded() {
                return Double(String(format: "%.9g", number)) ?? number
            }
            if let array = value as? [Any] { return array.map(round) }
            if let dictionary = value as? [String: Any] { return dictionary.mapValues(round) }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: round(object), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func storedDays(_ hall: TestHall) async throws -> Int {
        try await hall.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reportDay") ?? 0 }
    }

    /// The first report counts the tickets and stores each closed day; the second merges the stored days and
    /// gives exactly the same figures.
    @Test func storedDaysGiveTheSameReport() async throws {
        let (hall, period, targets) = try await Self.history()
        #expect(try await Self.storedDays(hall) == 0)
        let cold = try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)
        #expect(try await Self.storedDays(hall) == period.dayCount)
        let warm = try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)
        // Equal but for the last bits of floating-point sums, which are added in another order.
        #expect(try Self.rounded(warm) == Self.rounded(cold))
        #expect(warm.figures.total.issued == 3_000)
        #expect(warm.figures.total.waitP90Seconds == cold.figures.total.waitP90Seconds)
    }

    /// A ticket of a closed day that changes drops that day's tallies, and the next report counts it again.
    @Test func aChangedTicketRecountsItsDay() async throws {
        let (hall, period, targets) = try await Self.history()
        let before = try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)
        let day = try await hall.database.writer.write { db -> String in
            let day = try String.fetchOne(db, sql: "SELECT serviceDay FROM ticket WHERE state = 'done' ORDER BY id LIMIT 1") ?? ""
            try db.execute(
                sql: "UPDATE ticket SET state = 'no-show' WHERE id = (SELECT id FROM ticket WHERE state = 'done' ORDER BY id LIMIT 1)")
            return day
        }
        #expect(try await Self.storedDays(hall) == period.dayCount - 1)
        let after = try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)
        #expect(after.figures.total.served == before.figures.total.served - 1)
        #expect(after.figures.total.noShows == before.figures.total.noShows + 1)
        #expect(!day.isEmpty)
    }

    /// Tallies counted against other wait targets are not used: within-target shares depend on them.
    @Test func otherTargetsRecount() async throws {
        let (hall, period, targets) = try await Self.history()
        _ = try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)
        var strict = targets
        strict.defaultWaitMinutes = 1
        strict.waitMinutes = strict.waitMinutes.mapValues { _ in 1 }
        let report = try await hall.database.report(period: period, targets: strict, asOf: Self.asOf)
        let recount = try await TestHall()
        _ = try await recount.database.generateReportHistory(tickets: 3_000, year: 2026, seed: 11, asOf: Self.asOf)
        let fresh = try await recount.database.report(period: period, targets: strict, asOf: Self.asOf)
        #expect(try Self.rounded(report) == Self.rounded(fresh))
        #expect(
            report.figures.total.withinTarget
                < (try await hall.database.report(period: period, targets: targets, asOf: Self.asOf)).figures.total.withinTarget)
    }
}
