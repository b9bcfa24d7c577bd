public import Foundation
import GRDB

/// A ticket sent to a printer. Failed jobs stay listed until reprinted, so no paper ticket is silently lost.
public struct PrintJob: Codable, Sendable, Equatable {
    /// Where a print job is: queued, printed or failed.
    public enum State: String, Codable, Sendable {
        case queued, printed, failed
    }

    public var id: Int64
    public var ticketId: Int64
    public var number: String
    public var printer: String
    public var state: State
    public var error: String?
    public var createdAt: Date
    public var finishedAt: Date?
}

extension AppDatabase {
    public func addPrintJob(ticket: Int64, printer: String, at now: Date) async throws -> Int64 {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO printJob (ticket, printer, state, createdAt) VALUES (?, ?, 'queued', ?)",
                arguments: [ticket, printer, Millis.of(now)])
            return db.lastInsertedRowID
        }
    }

    public func finishPrintJob(_ id: Int64, state: PrintJob.State, error: String?, at now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE printJob SET state = ?, error = ?, finishedAt = ? WHERE id = ?",
                arguments: [state.rawValue, error, Millis.of(now), id])
        }
    }

    /// Jobs in `state` (all when nil), newest first. A failed job is listed until a later job for the
    /// same ticket printed.
    public func printJobs(state: PrintJob.State?, limit: Int = 200) async throws -> [PrintJob] {
        try await writer.read { db in
            let superseded = """
                AND NOT EXISTS (SELECT 1 FROM printJob later WHERE later.ticket = printJob.ticket
                AND later.id > printJob.id AND later.state = 'printed')
                """
            let filter = state.map { "WHERE printJob.state = '\($0.rawValue)' \($0 == .failed ? superseded : "")" } ?? ""
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT printJob.*, ticket.label FROM printJob JOIN ticket ON ticket.id = printJob.ticket
                    \(filter) ORDER BY printJob.id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                PrintJob(
                    id: row["id"], ticketId: row["ticket"], number: row["label"], printer: row["printer"],
                    state: PrintJob.State(rawValue: row["state"]) ?? .failed, error: row["error"],
                    createdAt: Millis.date(row["createdAt"]), finishedAt: (row["finishedAt"] as Int64?).map(Millis.date))
            }
        }
    }
}
