public import Foundation
import GRDB
import QueueCore

/// Where a transfer sends a ticket: a field (any counter serving it calls it), or one counter (only that
/// counter calls it; the field is the ticket's own when that counter serves it, else the one named, else the
/// counter's first), with an optional note for the officer who takes it.
public struct TransferTarget: Sendable, Equatable {
    public var field: String?
    public var counter: Int?
    public var note: String?

    public init(field: String? = nil, counter: Int? = nil, note: String? = nil) {
        self.field = field
        self.counter = counter
        self.note = note
    }

    /// The longest note kept: a sentence or two for the next officer.
    public static let maximumNote = 300
}

extension AppDatabase {
    /// Transfers a called or served ticket to `target`, keeping its issue time and original field for the wait
    /// statistics, in one transaction with its `transferred` event.
    public func transfer(ticket id: Int64, to target: TransferTarget, by actor: StaffActor, at now: Date) async throws
        -> PublishedEvent
    {
        try await writer.write { db in
            guard var ticket = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket(String(id)) }
            try authorize(actor, on: ticket)
            ticket.state = try TicketStateMachine.next(after: .transfer(toField: target.field ?? ticket.field), from: ticket.state)
            let detail = try retarget(db, &ticket, to: target)
            try save(db, ticket)
            return try appendEvent(db, .transferred, ticket: ticket, at: now, staff: actor.username, detail: detail)
        }
    }

    /// Moves `ticket` to `target` (checked against the catalog) and answers the event's detail, e.g.
    /// `dat-dai→ho-tich` or `dat-dai→ho-tich@3`.
    func retarget(_ db: Database, _ ticket: inout Ticket, to target: TransferTarget) throws -> String {
        let note = target.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (note?.count ?? 0) <= TransferTarget.maximumNote else {
            throw QueueError.invalid(
                "Ghi chú chuyển phiếu tối đa \(TransferTarget.maximumNote) ký tự.",
                "A transfer note is \(TransferTarget.maximumNote) characters at most.")
        }
        let field: String
        if let number = target.counter {
            let counter = try counterRow(db, number)
            if let wanted = target.field {
                guard counter.fields.contains(wanted) else {
                    throw QueueError.invalid(
                        "Quầy \(number) không phục vụ lĩnh vực “\(wanted)”.", "Counter \(number) does not serve field '\(wanted)'.")
                }
                field = wanted
            } else {
                guard let first = counter.fields.contains(ticket.field) ? ticket.field : counter.fields.first else {
                    throw QueueError.invalid("Quầy \(number) chưa phục vụ lĩnh vực nào.", "Counter \(number) serves no field.")
                }
                field = first
            }
        } else {
            guard let wanted = target.field else {
                throw QueueError.invalid("Cần chọn lĩnh vực hoặc quầy nhận phiếu.", "Choose the field or the counter to transfer to.")
            }
            field = wanted
        }
        guard try Bool.fetchOne(try db.cachedStatement(sql: "SELECT 1 FROM field WHERE code = ?"), arguments: [field]) == true else {
            throw QueueError.unknownField(field)
        }
        let detail = "\(ticket.field)→\(field)" + (target.counter.map { "@\($0)" } ?? "")
        ticket.field = field
        ticket.counter = nil
        ticket.servingAt = nil
        ticket.forCounter = target.counter
        ticket.note = note?.isEmpty == false ? note : nil
        return detail
    }
}
