public import Foundation
import GRDB
public import QueueCore

extension AppDatabase {
    /// Applies a staff action to a ticket: checks the state machine and the actor's counter, updates the
    /// ticket and appends the event in one transaction.
    public func apply(_ action: TicketAction, ticket id: Int64, by actor: StaffActor, at now: Date) async throws -> PublishedEvent {
        try await writer.write { db in
            guard var ticket = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket(String(id)) }
            try authorize(actor, on: ticket)
            ticket.state = try TicketStateMachine.next(after: action, from: ticket.state)
            var detail: String?
            switch action {
            case .recall:
                ticket.recalls += 1
            case .serve:
                ticket.servingAt = now
            case .done(let outcome):
                ticket.endedAt = now
                ticket.outcome = outcome
                detail = outcome.rawValue
            case .noShow, .cancel:
                ticket.endedAt = now
            case .transfer(let field):
                // A keypad's transfer: to the field, for any counter serving it.
                detail = try retarget(db, &ticket, to: TransferTarget(field: field))
            }
            try save(db, ticket)
            return try appendEvent(db, action.eventKind, ticket: ticket, at: now, staff: actor.username, detail: detail)
        }
    }

    /// Staff bound to a counter act only on tickets called to that counter (a waiting ticket is at no counter:
    /// a supervisor cancels it); supervisors and admins act on all.
    func authorize(_ actor: StaffActor, on ticket: Ticket) throws {
        guard actor.mayAct(at: ticket.counter) else { throw QueueError.notYourCounter(actor.counter) }
    }

    func save(_ db: Database, _ ticket: Ticket) throws {
        try db.cachedStatement(
            sql: """
                UPDATE ticket SET field = ?, state = ?, servingAt = ?, endedAt = ?, counter = ?, recalls = ?, outcome = ?,
                forCounter = ?, note = ?
                WHERE id = ?
                """
        ).execute(
            arguments: [
                ticket.field, ticket.state.rawValue, ticket.servingAt.map(Millis.of), ticket.endedAt.map(Millis.of),
                ticket.counter, ticket.recalls, ticket.outcome?.rawValue, ticket.forCounter, ticket.note, ticket.id,
            ])
    }

    public func ticket(token: String) async throws -> Ticket? {
        try await writer.read { db in try Ticket.fetchOne(db, sql: "SELECT * FROM ticket WHERE token = ?", arguments: [token]) }
    }

    public func ticket(id: Int64) async throws -> Ticket? {
        try await writer.read { db in try Ticket.fetch(db, id: id) }
    }

    /// Every ticket of one service day in issue order (a simulated day's store, read back for its figures).
    public func tickets(day: DayKey) async throws -> [Ticket] {
        try await writer.read { db in
            try Ticket.fetchAll(db, sql: "SELECT * FROM ticket WHERE serviceDay = ? ORDER BY id", arguments: [day.iso])
        }
    }
}
