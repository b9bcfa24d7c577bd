public import Foundation
public import QueueCore

/// A committed ticket event as the hall may see it: no staff names, no ticket tokens.
public struct PublishedEvent: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: TicketEventKind
    public var at: Date
    public var ticket: TicketSummary
    public var counter: Int?
    /// Tickets waiting per field code right after this event.
    public var waiting: [String: Int]
}

/// The ticket as the event describes it, for pages that follow the stream.
public struct TicketSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var field: String
    public var priority: Priority
    public var state: TicketState
    public var counter: Int?
    public var recalls: Int
    /// Original issue time (kept across transfers), so staff see how long someone has waited.
    public var issuedAt: Date
    /// The counter a transfer sent it to (only that counter calls it).
    public var forCounter: Int?
    /// The transferring officer's note.
    public var note: String?

    init(_ ticket: Ticket) {
        id = ticket.id
        number = ticket.label
        field = ticket.field
        priority = ticket.priority
        state = ticket.state
        counter = ticket.counter
        recalls = ticket.recalls
        issuedAt = ticket.issuedAt
        forCounter = ticket.forCounter
        note = ticket.note
    }
}
