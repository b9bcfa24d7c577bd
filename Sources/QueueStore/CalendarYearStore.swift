public import Foundation
import GRDB
public import QueueCore

extension AppDatabase {
    /// The calendar years the admin edited or added, oldest year first.
    public func editedCalendarYears() async throws -> [CalendarYear] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT json FROM calendarYear ORDER BY year").map { json in
                try CalendarYear.decode(Data(json.utf8))
            }
        }
    }

    /// Stores an edited (already validated) calendar year and its audit entry (the year it replaces, from a
    /// file or an earlier edit, as `before`) in one transaction.
    public func saveCalendarYear(
        _ year: CalendarYear, replacing previous: CalendarYear? = nil, by username: String, client: String? = nil, at now: Date
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(year), as: UTF8.self)
        let before = try previous.map { try Self.auditJSON($0) }
        let after = try Self.auditJSON(year)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendarYear (year, json, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year) DO UPDATE SET json = excluded.json, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                    """,
                arguments: [year.year, json, Millis.of(now), username])
            try appendAudit(
                db, .calendarYearSaved, target: String(year.year), before: before, after: after,
                by: AuditStamp(actor: username, client: client), at: now)
        }
    }
}
