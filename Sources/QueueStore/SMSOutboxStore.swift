public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Puts `phone` on a waiting ticket of today for the near-turn message (the citizen consented); `nil` removes it.
    public func setTicketSMS(token: String, phone: String?, at now: Date) async throws -> Ticket {
        try await writer.write { db in
            guard let ticket = try Ticket.fetchOne(db, sql: "SELECT * FROM ticket WHERE token = ?", arguments: [token]) else {
                throw QueueError.unknownTicket(token)
            }
            guard phone == nil || (ticket.state == .waiting && ticket.serviceDay == VietnamTime.serviceDay(of: now)) else {
                throw QueueError(
                    .conflict, message: "Số \(ticket.label) không còn chờ nên không cần nhắn tin.",
                    englishMessage: "Ticket \(ticket.label) is no longer waiting, so no message is needed.")
            }
            try db.execute(sql: "UPDATE ticket SET smsPhone = ? WHERE id = ?", arguments: [phone, ticket.id])
            return ticket
        }
    }

    /// Waiting tickets of today with a phone and no near-turn message yet, with their places in line.
    public func nearTurnWatches(at now: Date) async throws -> [NearTurnWatch] {
        try await writer.read { db in
            try Ticket.fetchAll(
                db, sql: "SELECT * FROM ticket WHERE serviceDay = ? AND state = 'waiting' AND smsPhone IS NOT NULL AND smsNearAt IS NULL",
                arguments: [VietnamTime.serviceDay(of: now)]
            ).map { NearTurnWatch(ticket: $0.id, token: $0.token, label: $0.label, ahead: try peopleAhead(db, of: $0)) }
        }
    }

    /// Queues the near-turn message of `ticket` once (its phone and the mark in one transaction).
    public func queueNearTurn(ticket: Int64, text: String, at now: Date) async throws {
        try await writer.write { db in
            guard
                let phone = try String.fetchOne(
                    db, sql: "SELECT smsPhone FROM ticket WHERE id = ? AND smsNearAt IS NULL", arguments: [ticket])
            else { return }
            try db.execute(sql: "UPDATE ticket SET smsNearAt = ? WHERE id = ?", arguments: [Millis.of(now), ticket])
            try Self.enqueueSMS(db, phone: phone, text: text, kind: .nearTurn, ticket: ticket, booking: nil, at: now)
        }
    }

    static func enqueueSMS(
        _ db: Database, phone: String, text: String, kind: SMSMessage.Kind, ticket: Int64?, booking: String?, at now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO smsOutbox (phone, text, kind, serviceDay, nextAttemptAt, createdAt, ticket, booking)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [phone, text, kind.rawValue, VietnamTime.serviceDay(of: now), Millis.of(now), Millis.of(now), ticket, booking])
    }

    /// Queued messages whose next attempt is due, oldest first.
    public func dueSMS(at now: Date, limit: Int = 10) async throws -> [SMSMessage] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM smsOutbox WHERE state = 'queued' AND nextAttemptAt <= ? ORDER BY nextAttemptAt, id LIMIT ?",
                arguments: [Millis.of(now), limit]
            ).map(SMSMessage.init(row:))
        }
    }

    public func markSMSSent(id: Int64, reference: Int, at now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql:
                    "UPDATE smsOutbox SET state = 'sent', sentAt = ?, reference = ?, attempts = attempts + 1, lastError = NULL WHERE id = ?",
                arguments: [Millis.of(now), reference, id])
        }
    }

    /// Records a failed attempt: queued again for `retryAt`, or failed for good when it is nil.
    public func markSMSFailed(id: Int64, error: String, retryAt: Date?, at now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE smsOutbox SET state = ?, attempts = attempts + 1, lastError = ?, nextAttemptAt = ? WHERE id = ?",
                arguments: [retryAt == nil ? "failed" : "queued", error, Millis.of(retryAt ?? now), id])
        }
    }

    /// Deletes every phone of service days before `day` (tickets, bookings, the outbox); messages still queued for
    /// those days expire. Returns how many phones were removed.
    @discardableResult
    public func purgeSMSPhones(before day: String) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "UPDATE ticket SET smsPhone = NULL WHERE smsPhone IS NOT NULL AND serviceDay < ?", arguments: [day])
            var removed = db.changesCount
            try db.execute(sql: "UPDATE booking SET smsPhone = NULL WHERE smsPhone IS NOT NULL AND day < ?", arguments: [day])
            removed += db.changesCount
            try db.execute(
                sql: """
                    UPDATE smsOutbox SET phone = NULL, state = CASE state WHEN 'queued' THEN 'expired' ELSE state END
                    WHERE phone IS NOT NULL AND serviceDay < ?
                    """, arguments: [day])
            return removed + db.changesCount
        }
    }

    /// Messages per state, for `/metrics` and the devices page.
    public func smsCounts() async throws -> [SMSMessage.State: Int] {
        try await writer.read { db in
            var counts: [SMSMessage.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM smsOutbox GROUP BY state") {
                if let state = SMSMessage.State(rawValue: row[0]) { counts[state] = row[1] }
            }
            return counts
        }
    }
}

/// A ticket's near-turn phone, when the ticket exists (`value` nil: none given).
public struct StoredPhone: Sendable {
    public var value: String?
}

extension AppDatabase {
    /// The phone on a ticket for the near-turn message; nil when there is no such ticket.
    public func ticketSMSPhone(token: String) async throws -> StoredPhone? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT smsPhone FROM ticket WHERE token = ?", arguments: [token]).map {
                StoredPhone(value: $0["smsPhone"])
            }
        }
    }
}
