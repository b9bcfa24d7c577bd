public import Foundation
import GRDB

/// A ticket as the province sees it: codes and times, no names, no token, no note.
public struct ReplicatedTicket: Sendable, Equatable {
    public var id: Int64
    public var serviceDay: String
    public var field: String
    public var priority: String
    public var state: String
    public var issuedAt: Date
    public var firstCalledAt: Date?
    public var endedAt: Date?
    public var counter: Int?
    /// The officer's username: a stable code; display names stay in the centre.
    public var staff: String?
    public var booked: Bool

    public init(
        id: Int64, serviceDay: String, field: String, priority: String, state: String, issuedAt: Date, firstCalledAt: Date?,
        endedAt: Date?, counter: Int?, staff: String?, booked: Bool
    ) {
        (self.id, self.serviceDay, self.field, self.priority, self.state) = (id, serviceDay, field, priority, state)
        (self.issuedAt, self.firstCalledAt, self.endedAt, self.counter, self.staff, self.booked) =
            (issuedAt, firstCalledAt, endedAt, counter, staff, booked)
    }
}

/// A batch of the event log after a cursor: the tickets its events touched, as they stand now (applying a ticket's
/// current row twice changes nothing, so a batch sent again is harmless), and the cursor to store with them.
public struct TicketFeedBatch: Sendable {
    public var tickets: [ReplicatedTicket]
    /// Events in the batch (the facts counted by the replication rate).
    public var events: Int
    public var through: Int64

    public init(tickets: [ReplicatedTicket], events: Int, through: Int64) {
        (self.tickets, self.events, self.through) = (tickets, events, through)
    }
}

extension AppDatabase {
    /// Events with id > `cursor`, at most `limit` of them, as the tickets they touched.
    public func ticketFeed(after cursor: Int64, limit: Int) async throws -> TicketFeedBatch {
        try await writer.read { db in
            let range = try Row.fetchOne(
                db, sql: "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM event WHERE id > ? ORDER BY id LIMIT ?)",
                arguments: [cursor, limit])
            let count: Int = range?[0] ?? 0
            guard count > 0, let last: Int64 = range?[1] else { return TicketFeedBatch(tickets: [], events: 0, through: cursor) }
            let tickets = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, serviceDay, field, priority, state, issuedAt, firstCalledAt, endedAt, counter, staff, bookedSlot
                    FROM ticket WHERE id IN (SELECT DISTINCT ticket FROM event WHERE id > ? AND id <= ?) ORDER BY id
                    """, arguments: [cursor, last]
            ).map { row in
                ReplicatedTicket(
                    id: row["id"], serviceDay: row["serviceDay"], field: row["field"], priority: row["priority"], state: row["state"],
                    issuedAt: Millis.date(row["issuedAt"]), firstCalledAt: (row["firstCalledAt"] as Int64?).map(Millis.date),
                    endedAt: (row["endedAt"] as Int64?).map(Millis.date), counter: row["counter"], staff: row["staff"],
                    booked: row["bookedSlot"] != nil)
            }
            return TicketFeedBatch(tickets: tickets, events: count, through: last)
        }
    }

    /// The newest event id and replication-log id: what a fully caught-up replica has seen.
    public func replicationHeads() async throws -> (events: Int64, log: Int64) {
        try await writer.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0,
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM replicationLog") ?? 0
            )
        }
    }
}
