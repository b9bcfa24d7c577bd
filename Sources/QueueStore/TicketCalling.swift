public import Foundation
import GRDB
import QueueCore

/// Who is acting, and on which counters they may act.
public struct StaffActor: Sendable, Equatable {
    public var username: String
    /// `nil` for supervisors and admins, who may act at any counter.
    public var counter: Int?

    public init(username: String, counter: Int?) {
        self.username = username
        self.counter = counter
    }

    /// Whether this actor may act on a ticket called to `counter` (`nil`: a ticket at no counter).
    public func mayAct(at counter: Int?) -> Bool { self.counter == nil || self.counter == counter }
}

extension AppDatabase {
    /// Calls the next ticket for `counter` across the fields it serves, by the priority rule. `nil` when
    /// nothing waits. The write lock makes two simultaneous calls pick different tickets.
    public func callNext(counter number: Int, by actor: StaffActor, at now: Date) async throws -> PublishedEvent? {
        guard actor.mayAct(at: number) else { throw QueueError.notYourCounter(actor.counter) }
        return try await writer.write { db in
            let counter = try freeCounter(db, number)
            let waiting = try waitingTickets(db, fields: counter.fields, day: VietnamTime.serviceDay(of: now), counter: number)
            guard let choice = priorityRule.pick(from: waiting, priorityStreak: counter.priorityStreak, now: now) else { return nil }
            try markCalled(db, ticket: choice.ticket.id, counter: number, staff: actor.username, at: now)
            try db.cachedStatement(sql: "UPDATE counter SET priorityStreak = ? WHERE number = ?").execute(arguments: [
                choice.priorityStreak, number,
            ])
            guard let ticket = try Ticket.fetch(db, id: choice.ticket.id) else { return nil }
            return try appendEvent(db, .called, ticket: ticket, at: now, staff: actor.username)
        }
    }

    /// The counter, refused (409) while paused or still holding a called or served ticket.
    func freeCounter(_ db: Database, _ number: Int) throws -> CounterRow {
        let counter = try counterRow(db, number)
        if counter.paused {
            throw QueueError(.counterPaused, message: "Quầy \(number) đang tạm dừng.", englishMessage: "Counter \(number) is paused.")
        }
        if let busy = try Ticket.fetchOne(
            try db.cachedStatement(sql: "SELECT * FROM ticket WHERE counter = ? AND state IN ('called', 'serving') LIMIT 1"),
            arguments: [number])
        {
            throw QueueError(
                .counterBusy,
                message: "Quầy \(number) đang có phiếu \(busy.label) chưa kết thúc; hãy hoàn thành, chuyển hoặc báo vắng trước.",
                englishMessage: "Counter \(number) still has ticket \(busy.label): finish, transfer or mark it no-show first.")
        }
        return counter
    }

    /// Calls a waiting ticket to `counter`: its first call is kept for the wait statistics.
    func markCalled(_ db: Database, ticket id: Int64, counter: Int, staff: String, at now: Date) throws {
        try db.cachedStatement(
            sql: """
                UPDATE ticket SET state = 'called', calledAt = ?1, firstCalledAt = COALESCE(firstCalledAt, ?1), counter = ?2, staff = ?3
                WHERE id = ?4
                """
        ).execute(arguments: [Millis.of(now), counter, staff, id])
    }

    /// Today's waiting tickets of `fields`; with `counter`, only those that counter may call (not the ones a
    /// transfer sent to another counter).
    func waitingTickets(_ db: Database, fields: [String], day: String, counter: Int? = nil) throws -> [WaitingTicket] {
        guard !fields.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: fields.count).joined(separator: ",")
        let forCounter = counter == nil ? "" : " AND (forCounter IS NULL OR forCounter = ?)"
        let rows = try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT id, priority, COALESCE(queuedAt, issuedAt) AS issuedAt, bookedSlot FROM ticket
                    WHERE serviceDay = ? AND state = 'waiting' AND field IN (\(marks))\(forCounter)
                    """),
            arguments: StatementArguments([day] + fields) + StatementArguments(counter.map { [$0] } ?? []))
        return rows.map { row in
            WaitingTicket(
                id: row["id"], priority: Priority(rawValue: row["priority"]) ?? .none, issuedAt: Millis.date(row["issuedAt"]),
                bookedSlot: (row["bookedSlot"] as Int64?).map(Millis.date))
        }
    }

    struct CounterRow {
        var number: Int
        var name: String
        var paused: Bool
        var priorityStreak: Int
        var fields: [String]
    }

    func counterRow(_ db: Database, _ number: Int) throws -> CounterRow {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM counter WHERE number = ?"), arguments: [number]) else {
            throw QueueError.unknownCounter(number)
        }
        let fields = try String.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT field FROM counterField WHERE counter = ? ORDER BY position
                    """),
            arguments: [number])
        return CounterRow(
            number: number, name: row["name"], paused: row["paused"], priorityStreak: row["priorityStreak"], fields: fields)
    }
}
