public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Today's no-shows called at `counter`, newest first: the citizens who may come back and be put in the
    /// queue again.
    public func noShows(counter number: Int, at now: Date, limit: Int = 10) async throws -> [TicketSummary] {
        try await writer.read { db in
            _ = try counterRow(db, number)
            return try Ticket.fetchAll(
                db,
                sql:
                    "SELECT * FROM ticket WHERE serviceDay = ? AND state = 'no-show' AND counter = ? ORDER BY endedAt DESC, id DESC LIMIT ?",
                arguments: [VietnamTime.serviceDay(of: now), number, limit]
            ).map(TicketSummary.init)
        }
    }

    /// Puts a no-show of today back in its field's queue so that it is `position`th (1 = next) among the
    /// tickets of its priority class there; a position past the end puts it last. Its waits still count from
    /// its issue time. Staff may requeue only tickets their own counter marked as no-show.
    public func requeue(ticket id: Int64, position: Int, by actor: StaffActor, at now: Date) async throws -> PublishedEvent {
        guard position >= 1 else {
            throw QueueError.invalid("Vị trí trong hàng phải từ 1 trở lên.", "The place in the queue must be 1 or more.")
        }
        return try await writer.write { db in
            guard let ticket = try Ticket.fetch(db, id: id), ticket.serviceDay == VietnamTime.serviceDay(of: now) else {
                throw QueueError.unknownTicket(String(id))
            }
            guard ticket.state == .noShow else {
                throw QueueError(
                    .invalidTransition, message: "Chỉ xếp lại được phiếu vắng mặt; phiếu \(ticket.label) không vắng mặt.",
                    englishMessage: "Only a no-show can be put back in the queue; \(ticket.label) is not one.")
            }
            guard actor.mayAct(at: ticket.counter) else { throw QueueError.notYourCounter(actor.counter) }
            let ahead = try waitingTickets(db, fields: [ticket.field], day: ticket.serviceDay)
                .filter { $0.priority.isPriority == ticket.priority.isPriority }
                .sorted { ($0.issuedAt, $0.id) < ($1.issuedAt, $1.id) }
                .map { Millis.of($0.issuedAt) }
            let key = Self.queueKey(at: position, among: ahead, now: Millis.of(now))
            try db.execute(
                sql: "UPDATE ticket SET state = 'waiting', queuedAt = ?, counter = NULL, staff = NULL, endedAt = NULL WHERE id = ?",
                arguments: [key, id])
            guard let back = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket(String(id)) }
            return try appendEvent(db, .requeued, ticket: back, at: now, staff: actor.username, detail: String(position))
        }
    }

    /// A queue instant that sorts `position`th among `keys` (sorted): before the first, halfway between two
    /// neighbours, or now when past the end. Keys are milliseconds; neighbours a millisecond apart share one.
    public static func queueKey(at position: Int, among keys: [Int64], now: Int64) -> Int64 {
        guard position <= keys.count else { return keys.last.map { max(now, $0 + 1) } ?? now }
        let after = keys[position - 1]
        guard position > 1 else { return after - 1 }
        let before = keys[position - 2]
        return before + (after - before) / 2
    }
}
