public import Foundation
import GRDB
import QueueCore

/// A ticket called ahead of the queue, with the officer's reason (an elderly citizen who cannot stand, a
/// returning citizen sent back by another counter…): reports list each one, so the exception stays visible.
public struct OutOfOrderCall: Codable, Sendable, Equatable {
    public var at: Date
    public var ticket: String
    public var field: String
    public var counter: Int
    public var staff: String?
    public var reason: String
    /// How many tickets of the counter's fields were waiting ahead of it (issued earlier) when it was called.
    public var skipped: Int
}

/// What the audit log keeps of a call out of order (the ticket's number is the entry's target).
struct OutOfOrderAudit: Encodable {
    var counter: Int
    var reason: String
    var skipped: Int
}

extension AppDatabase {
    /// Calls one waiting ticket of today to `counter`, out of order, recording `reason`. The counter must be
    /// open, free and serve the ticket's field; the call is an ordinary `called` event for displays and voice,
    /// and an audit entry (who, from where, the reason and how many were skipped) commits with it.
    public func callOutOfOrder(
        ticket id: Int64, counter number: Int, reason: String, by actor: StaffActor, client: String?, at now: Date
    ) async throws -> PublishedEvent {
        guard actor.mayAct(at: number) else { throw QueueError.notYourCounter(actor.counter) }
        return try await writer.write { db in
            let counter = try freeCounter(db, number)
            guard let ticket = try Ticket.fetch(db, id: id), ticket.serviceDay == VietnamTime.serviceDay(of: now) else {
                throw QueueError.unknownTicket(String(id))
            }
            guard ticket.state == .waiting else {
                throw QueueError(
                    .invalidTransition, message: "Phiếu \(ticket.label) không còn chờ nên không gọi được.",
                    englishMessage: "Ticket \(ticket.label) is no longer waiting, so it cannot be called.")
            }
            guard counter.fields.contains(ticket.field) else {
                throw QueueError(
                    .notYourCounter, message: "Quầy \(number) không phục vụ lĩnh vực của phiếu \(ticket.label).",
                    englishMessage: "Counter \(number) does not serve the field of ticket \(ticket.label).")
            }
            if let other = ticket.forCounter, other != number {
                throw QueueError(
                    .notYourCounter, message: "Phiếu \(ticket.label) đã được chuyển cho quầy \(other).",
                    englishMessage: "Ticket \(ticket.label) was transferred to counter \(other).")
            }
            let ahead = try waitingTickets(db, fields: counter.fields, day: ticket.serviceDay, counter: number)
                .filter { $0.issuedAt < ticket.queueKey || ($0.issuedAt == ticket.queueKey && $0.id < ticket.id) }.count
            try markCalled(db, ticket: id, counter: number, staff: actor.username, at: now)
            try db.execute(
                sql: "INSERT INTO outOfOrderCall (ticket, serviceDay, at, counter, staff, reason, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [id, ticket.serviceDay, Millis.of(now), number, actor.username, reason, ahead])
            guard let called = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket(String(id)) }
            let record = OutOfOrderAudit(counter: number, reason: reason, skipped: ahead)
            try appendAudit(
                db, .calledOutOfOrder, target: ticket.label, before: nil, after: try Self.auditJSON(record),
                by: AuditStamp(actor: actor.username, client: client), at: now)
            return try appendEvent(db, .called, ticket: called, at: now, staff: actor.username, detail: "out-of-order")
        }
    }

    static func outOfOrderCalls(_ db: Database, period: ReportPeriod) throws -> [OutOfOrderCall] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT call.at, ticket.label, ticket.field, call.counter, call.staff, call.reason, call.skipped
                FROM outOfOrderCall AS call JOIN ticket ON ticket.id = call.ticket
                WHERE call.serviceDay BETWEEN ? AND ? ORDER BY call.at, call.id
                """, arguments: [period.first.iso, period.last.iso]
        ).map { row in
            OutOfOrderCall(
                at: Millis.date(row[0]), ticket: row[1], field: row[2], counter: row[3], staff: row[4], reason: row[5], skipped: row[6])
        }
    }
}
