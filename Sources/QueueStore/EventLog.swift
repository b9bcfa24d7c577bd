import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Appends one event for `ticket` (already in its new state) and queues it for delivery after commit.
    /// The event row keeps a snapshot of the ticket and the waiting counts as they were, so a replay shows
    /// exactly what the live stream showed.
    func appendEvent(
        _ db: Database, _ kind: TicketEventKind, ticket: Ticket, at: Date, staff: String?, detail: String? = nil
    ) throws -> PublishedEvent {
        let snapshot = EventSnapshot(ticket: TicketSummary(ticket), waiting: try waitingCounts(db, day: ticket.serviceDay))
        try db.cachedStatement(
            sql: """
                INSERT INTO event (ticket, kind, at, field, counter, staff, detail, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                ticket.id, kind.rawValue, Millis.of(at), ticket.field, ticket.counter, staff, detail,
                String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self),
            ])
        let event = PublishedEvent(
            id: db.lastInsertedRowID, kind: kind, at: at, ticket: snapshot.ticket, counter: ticket.counter,
            waiting: snapshot.waiting)
        let sink = eventSink
        db.afterNextTransaction(onCommit: { _ in sink.deliver([event]) })
        return event
    }

    /// Waiting tickets per field on `day`, every field listed (zero included).
    func waitingCounts(_ db: Database, day: String) throws -> [String: Int] {
        var counts = Dictionary(
            uniqueKeysWithValues: try String.fetchAll(try db.cachedStatement(sql: "SELECT code FROM field")).map { ($0, 0) })
        let rows = try Row.fetchAll(
            try db.cachedStatement(sql: "SELECT field, SUM(n) AS n FROM waitingCount WHERE serviceDay = ? GROUP BY field"), arguments: [day]
        )
        for row in rows { counts[row["field"]] = row["n"] }
        return counts
    }

    /// Events after `id` in order, for a live stream resuming where its client left off.
    public func events(after id: Int64, limit: Int = 1000) async throws -> [PublishedEvent] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                try db.cachedStatement(sql: "SELECT id, kind, at, counter, snapshot FROM event WHERE id > ? ORDER BY id LIMIT ?"),
                arguments: [id, limit])
            let decoder = JSONDecoder()
            return try rows.compactMap { row -> PublishedEvent? in
                guard let kind = TicketEventKind(rawValue: row["kind"]) else { return nil }
                let snapshot = try decoder.decode(EventSnapshot.self, from: Data((row["snapshot"] as String).utf8))
                return PublishedEvent(
                    id: row["id"], kind: kind, at: Millis.date(row["at"]), ticket: snapshot.ticket, counter: row["counter"],
                    waiting: snapshot.waiting)
            }
        }
    }

    public func lastEventID() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(try db.cachedStatement(sql: "SELECT MAX(id) FROM event")) ?? 0 }
    }
}

struct EventSnapshot: Codable {
    var ticket: TicketSummary
    var waiting: [String: Int]
}
