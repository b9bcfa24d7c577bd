import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Appends one event for `ticket` (already in its new state) and queues it for delivery after commit.
    func appendEvent(
        _ db: Database, _ kind: TicketEventKind, ticket: Ticket, at: Date, staff: String?, detail: String? = nil
    ) throws -> PublishedEvent {
        try db.execute(
            sql: "INSERT INTO event (ticket, kind, at, field, counter, staff, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [ticket.id, kind.rawValue, Millis.of(at), ticket.field, ticket.counter, staff, detail])
        let event = PublishedEvent(
            id: db.lastInsertedRowID, kind: kind, at: at, ticket: TicketSummary(ticket), counter: ticket.counter,
            waiting: try waitingCounts(db, day: ticket.serviceDay))
        let sink = eventSink
        db.afterNextTransaction(onCommit: { _ in sink.deliver([event]) })
        return event
    }

    /// Waiting tickets per field on `day`, every field listed (zero included).
    func waitingCounts(_ db: Database, day: String) throws -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: try String.fetchAll(db, sql: "SELECT code FROM field").map { ($0, 0) })
        let rows = try Row.fetchAll(
            db, sql: "SELECT field, COUNT(*) AS n FROM ticket WHERE serviceDay = ? AND state = 'waiting' GROUP BY field",
            arguments: [day])
        for row in rows { counts[row["field"]] = row["n"] }
        return counts
    }

    /// Events after `id` in order, for a live stream resuming where its client left off.
    public func events(after id: Int64, limit: Int = 1000) throws -> [PublishedEvent] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, ticket, kind, at, counter FROM event WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [id, limit])
            var dayCounts: [String: [String: Int]] = [:]
            return try rows.compactMap { row -> PublishedEvent? in
                guard let ticket = try Ticket.fetch(db, id: row["ticket"]),
                    let kind = TicketEventKind(rawValue: row["kind"])
                else { return nil }
                if dayCounts[ticket.serviceDay] == nil {
                    dayCounts[ticket.serviceDay] = try waitingCounts(db, day: ticket.serviceDay)
                }
                return PublishedEvent(
                    id: row["id"], kind: kind, at: Millis.date(row["at"]), ticket: TicketSummary(ticket),
                    counter: row["counter"], waiting: dayCounts[ticket.serviceDay] ?? [:])
            }
        }
    }

    public func lastEventID() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
    }
}
