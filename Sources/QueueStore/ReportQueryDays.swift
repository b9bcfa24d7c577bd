import Foundation
import GRDB
import GRDBSQLite
import QueueCore

/// One day's ticket tallies and estimate errors, as counted from `ticket` or read back from `reportDay`.
struct DayCount: Sendable {
    var accumulator: ReportAccumulator
    var estimates = ReportEstimateTally()

    var encoded: [UInt8] {
        var writer = ReportBytesWriter()
        writer.raw(accumulator.encodedTallies())
        estimates.encode(into: &writer)
        return writer.bytes
    }
}

extension AppDatabase {
    /// The wait targets the stored tallies were counted against (within-target shares depend on them).
    static func rollupKey(_ targets: ReportTargets) -> String {
        "default=\(targets.defaultWaitMinutes);"
            + targets.waitMinutes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: ";")
    }

    /// Stored tallies of the period's days before `today`, counted against the same targets.
    static func storedDays(_ db: Database, period: ReportPeriod, before today: DayKey, key: String) throws -> [String: [UInt8]] {
        var days: [String: [UInt8]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT serviceDay, data FROM reportDay WHERE serviceDay BETWEEN ? AND ? AND serviceDay < ? AND targetsKey = ?",
            arguments: [period.first.iso, period.last.iso, today.iso, key])
        while let row = try rows.next() {
            let data: Data = row[1]
            days[row[0]] = Array(data)
        }
        return days
    }

    static func mergeStored(_ bytes: [UInt8], into accumulator: inout ReportAccumulator, estimates: inout ReportEstimateTally) throws {
        var reader = ReportBytesReader(bytes)
        try accumulator.mergeEncoded(try reader.raw())
        try estimates.mergeEncoded(from: &reader)
    }

    /// The period's days without stored tallies, as up to `parts` ranges of about equal length (read in parallel).
    static func missingRanges(period: ReportPeriod, stored: Set<String>, parts: Int) -> [(DayKey, DayKey)] {
        var days: [DayKey] = []
        var day = period.first
        while day <= period.last {
            if !stored.contains(day.iso) { days.append(day) }
            day = day.adding(days: 1)
        }
        guard let first = days.first, let last = days.last else { return [] }
        guard parts > 1, days.count > 1 else { return [(first, last)] }
        let middle = days[days.count / 2 - 1]
        return [(first, middle), (middle.adding(days: 1), last)]
    }

    /// Counts the tickets of `range` day by day. Columns are read straight from the SQLite statement GRDB steps
    /// (a year is a million rows, and per-column `Row` access doubled the Swift side's cost); field codes, staff
    /// names and days are interned, so a row allocates no string.
    static func readDays(_ db: Database, _ range: (DayKey, DayKey), blank: ReportAccumulator) throws -> [String: DayCount] {
        let statement = try db.makeStatement(
            sql: ticketColumns + ", serviceDay FROM ticket WHERE serviceDay BETWEEN ? AND ?")
        let raw = statement.sqliteStatement
        var codes = ReportQueryInterner()
        var staffNames = ReportQueryInterner()
        var serviceDays = ReportQueryInterner()
        var counts: [String: DayCount] = [:]
        var currentDay = ""
        var current = DayCount(accumulator: blank)
        var day = range.0
        var dayStart: Int64 = 1
        var dayEnd: Int64 = 0
        // swift-format-ignore: ReplaceForEachWithForLoop
        // A GRDB cursor is not a Sequence; its forEach reads the rows without copying them.
        try Row.fetchCursor(statement, arguments: [range.0.iso, range.1.iso]).forEach { _ in
            let serviceDay = serviceDays.text(raw, 10) ?? ""
            if serviceDay != currentDay {
                if !currentDay.isEmpty { counts[currentDay] = current }
                currentDay = serviceDay
                current = counts[serviceDay] ?? DayCount(accumulator: blank)
            }
            let issued = sqlite3_column_int64(raw, 3)
            // Rows come day by day: recompute the civil day only when the issue time leaves it.
            if issued < dayStart || issued >= dayEnd {
                day = DayKey(Millis.date(issued))
                dayStart = Millis.of(day.date(atMinute: 0))
                dayEnd = dayStart + 86_400_000
            }
            let stateIndex = Int(sqlite3_column_int64(raw, 7))
            let row = ReportQueryRawTicket(
                field: codes.text(raw, 0) ?? "", staff: staffNames.text(raw, 2), counter: optionalInteger(raw, 1),
                issued: issued, firstCalled: optionalInteger(raw, 4), serving: optionalInteger(raw, 5),
                ended: optionalInteger(raw, 6), estimateMinutes: optionalInteger(raw, 9),
                state: states[min(max(stateIndex, 0), states.count - 1)], transferred: sqlite3_column_int64(raw, 8) != 0)
            current.accumulator.add(row.ticket(day: day))
            if let called = row.firstCalled, let estimate = row.estimateMinutes {
                current.estimates.add(field: row.field, errorSeconds: Double(estimate * 60) - Double(called - issued) / 1000)
            }
        }
        if !currentDay.isEmpty { counts[currentDay] = current }
        // Closed days without any ticket are stored too (as empty), so they are not looked up again.
        var empty = range.0
        while empty <= range.1 {
            if counts[empty.iso] == nil { counts[empty.iso] = DayCount(accumulator: blank) }
            empty = empty.adding(days: 1)
        }
        return counts
    }

    /// Stores closed days' tallies (best effort: a failure only means they are counted again next time).
    func storeDays(_ days: [(String, [UInt8])], key: String) async throws {
        try await writer.write { db in
            let statement = try db.makeStatement(
                sql:
                    "INSERT INTO reportDay (serviceDay, targetsKey, data) VALUES (?, ?, ?) ON CONFLICT (serviceDay) DO UPDATE SET targetsKey = excluded.targetsKey, data = excluded.data"
            )
            for (day, bytes) in days { try statement.execute(arguments: [day, key, Data(bytes)]) }
        }
    }
}
