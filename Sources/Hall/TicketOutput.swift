public import Foundation
import QueueCore
public import QueueStore

/// What happened to the paper copy of a ticket.
public struct PrintOutcome: Codable, Sendable, Equatable {
    /// What happened to the paper ticket.
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
    /// The job already stored with the ticket (`TicketOutput.printerID(forKiosk:)`); nil stores a new one.
    public var printJobID: Int64?

    public init(ticket: Ticket, fieldName: String, ahead: Int, estimatedWaitMinutes: Int, kiosk: String?, printJobID: Int64? = nil) {
        self.ticket = ticket
        self.fieldName = fieldName
        self.ahead = ahead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.kiosk = kiosk
        self.printJobID = printJobID
    }
}

/// The seam where ticket printers plug in. Implementations must answer promptly: the kiosk waits.
public protocol TicketOutput: Sendable {
    func print(_ request: PrintRequest) async -> PrintOutcome
    /// The ticket as it prints, as a PNG, for the kiosk screen; nil when there is no printer model.
    func preview(_ request: PrintRequest) async -> [UInt8]?
    /// The printer a kiosk's tickets go to, so the issue stores the print job with the ticket; nil for none.
    func printerID(forKiosk kiosk: String?) -> String?
    /// The kiosk at `kiosk` prints on `printer` from now on (`nil`: its default again).
    func assignPrinter(_ printer: String?, toKiosk kiosk: String)
}

extension TicketOutput {
    public func printerID(forKiosk kiosk: String?) -> String? { nil }
    public func assignPrinter(_ printer: String?, toKiosk kiosk: String) {}
}

/// No printer configured (`--devices none`).
public struct NoTicketOutput: TicketOutput {
    public init() {}
    public func print(_ request: PrintRequest) async -> PrintOutcome { PrintOutcome(status: .none) }
    public func preview(_ request: PrintRequest) async -> [UInt8]? { nil }
}

/// The return-promise slip ("Phiếu hẹn trả kết quả") printed at the counter when a dossier is received.
public struct PromiseSlip: Sendable, Equatable {
    public var dossierId: Int64
    public var ticketId: Int64?
    public var ticket: String
    public var fieldName: String
    public var counter: Int?
    public var procedureCode: String
    public var procedureName: String
    public var receivedAt: Date
    public var promisedAt: Date
    public var explanation: String
    /// The ticket's public token: the slip's QR opens its phone page, which shows the dossier's promise and
    /// status; empty prints no QR.
    public var statusToken: String = ""

    public init(
        dossierId: Int64, ticketId: Int64?, ticket: String, fieldName: String, counter: Int?, procedureCode: String, procedureName: String,
        receivedAt: Date,
        promisedAt: Date, explanation: String
    ) {
        self.dossierId = dossierId
        self.ticketId = ticketId
        self.ticket = ticket
        self.fieldName = fieldName
        self.counter = counter
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.receivedAt = receivedAt
        self.promisedAt = promisedAt
        self.explanation = explanation
    }
}

/// Where promise slips go: the counter's printer when it has one, a virtual printer otherwise.
public protocol SlipOutput: Sendable {
    func printSlip(_ slip: PromiseSlip) async -> PrintOutcome
}

/// Prints no promise slips (`--devices none`, tests that do not need any).
public struct NoSlipOutput: SlipOutput {
    public init() {}
    public func printSlip(_ slip: PromiseSlip) async -> PrintOutcome { PrintOutcome(status: .none) }
}
