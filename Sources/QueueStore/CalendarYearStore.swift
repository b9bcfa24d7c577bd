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

    /// Stores an edited (already validated) calendar year.
    public func saveCalendarYear(_ year: CalendarYear, by username: String, at now: Date) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(year), as: UTF8.self)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendarYear (year, json, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year) DO UPDATE SET json = excluded.json, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                    """,
                arguments: [year.year, json, Millis.of(now), username])
        }
    }
}
