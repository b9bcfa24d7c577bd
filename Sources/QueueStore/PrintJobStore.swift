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
        let id = try await writer.write { db in try insertPrintJob(db, ticket: ticket, printer: printer, at: now) }
        activity.printJob(PrintJob.State.queued.rawValue)
        return id
    }

    func insertPrintJob(_ db: Database, ticket: Int64, printer: String, at now: Date) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO printJob (ticket, printer, state, createdAt) VALUES (?, ?, 'queued', ?)")
            .execute(arguments: [ticket, printer, Millis.of(now)])
        return db.lastInsertedRowID
    }

    public func finishPrintJob(_ id: Int64, state: PrintJob.State, error: String?, at now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE printJob SET state = ?, error = ?, finishedAt = ? WHERE id = ?",
                arguments: [state.rawValue, error, Millis.of(now), id])
        }
        activity.printJob(state.rawValue)
    }

    /// Jobs a crash or a kill left `queued` are marked failed, so they show in the supervisor's list of
    /// tickets to reprint instead of waiting for ever. Run once at start, before any printer takes jobs.
    /// Returns the tickets' labels.
    public func failInterruptedPrintJobs(at now: Date) async throws -> [String] {
        try await writer.write { db in
            let labels = try String.fetchAll(
                db,
                sql:
                    "SELECT ticket.label FROM printJob JOIN ticket ON ticket.id = printJob.ticket WHERE printJob.state = 'queued' ORDER BY printJob.id"
            )
            try db.execute(
                sql: "UPDATE printJob SET state = 'failed', error = ?, finishedAt = ? WHERE state = 'queued'",
                arguments: [
                    "Máy điều khiển khởi động lại trước khi in xong / The controller restarted before the job finished", Millis.of(now),
                ])
            return labels
        }
    }

    /// The newest job for a ticket, nil when it was never sent to a printer.
    public func latestPrintJob(ticket: Int64) async throws -> PrintJob? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT printJob.*, ticket.label FROM printJob JOIN ticket ON ticket.id = printJob.ticket
                    WHERE printJob.ticket = ? ORDER BY printJob.id DESC LIMIT 1
                    """,
                arguments: [ticket]
            ).map(PrintJob.init(row:))
        }
    }

    /// How many times a ticket has been sent to a printer.
    public func printJobCount(ticket: Int64) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM printJob WHERE ticket = ?", arguments: [ticket]) ?? 0
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
            ).map(PrintJob.init(row:))
        }
    }
}

extension PrintJob {
    /// A `printJob` row joined with its ticket's `label`.
    init(row: Row) {
        self.init(
            id: row["id"], ticketId: row["ticket"], number: row["label"], printer: row["printer"],
            state: PrintJob.State(rawValue: row["state"]) ?? .failed, error: row["error"],
            createdAt: Millis.date(row["createdAt"]), finishedAt: (row["finishedAt"] as Int64?).map(Millis.date))
    }
}
