public import Foundation
public import QueueStore
import QueueCore

/// What happened to the paper copy of a ticket.
public struct PrintOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case printed, queued, failed, none
    }

    public var status: Status
    public var message: String?

    public init(status: Status, message: String? = nil) {
        self.status = status
        self.message = message
    }
}

/// Everything needed to print one ticket, issued just now or again on request.
public struct PrintRequest: Sendable {
    public var ticket: Ticket
    public var fieldName: String
    public var ahead: Int
    public var estimatedWaitMinutes: Int
    /// The client address of the kiosk that asked, to pick its printer.
    public var kiosk: String?

    public init(ticket: Ticket, fieldName: String, ahead: Int, estimatedWaitMinutes: Int, kiosk: String?) {
        self.ticket = ticket
        self.fieldName = fieldName
        self.ahead = ahead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.kiosk = kiosk
    }
}

/// The seam where ticket printers plug in. Implementations must answer promptly: the kiosk waits.
public protocol TicketOutput: Sendable {
    func print(_ request: PrintRequest) async -> PrintOutcome
    /// The ticket as it prints, as a PNG, for the kiosk screen; nil when there is no printer model.
    func preview(_ request: PrintRequest) async -> [UInt8]?
}

/// No printer configured (`--devices none`).
public struct NoTicketOutput: TicketOutput {
    public init() {}
    public func print(_ request: PrintRequest) async -> PrintOutcome { PrintOutcome(status: .none) }
    public func preview(_ request: PrintRequest) async -> [UInt8]? { nil }
}
