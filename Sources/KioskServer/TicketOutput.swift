public import Foundation
public import QueueStore
import QueueCore

/// What happened to the paper copy of a ticket.
public struct PrintOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case printed, simulated, failed, none
    }

    public var status: Status
    public var message: String?

    public init(status: Status, message: String? = nil) {
        self.status = status
        self.message = message
    }
}

/// The seam where ticket printers plug in. Implementations must return promptly: the kiosk waits for them.
public protocol TicketOutput: Sendable {
    func ticketIssued(_ issued: IssuedTicket, fieldName: String) async -> PrintOutcome
}

/// No printer configured (`--devices none`).
public struct NoTicketOutput: TicketOutput {
    public init() {}
    public func ticketIssued(_ issued: IssuedTicket, fieldName: String) async -> PrintOutcome { PrintOutcome(status: .none) }
}

/// The simulated printer of `--devices simulated`: writes each ticket as text under `directory`, so what
/// would have been printed can be read (`var/printed/2026-11-28-A001.txt`).
public struct SimulatedTicketOutput: TicketOutput {
    public let directory: URL
    public let centreName: String

    public init(directory: URL, centreName: String) {
        self.directory = directory
        self.centreName = centreName
    }

    public func ticketIssued(_ issued: IssuedTicket, fieldName: String) async -> PrintOutcome {
        let ticket = issued.ticket
        let file = directory.appendingPathComponent("\(ticket.serviceDay)-\(ticket.label).txt")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.render(issued, fieldName: fieldName, centreName: centreName).write(to: file, atomically: true, encoding: .utf8)
            return PrintOutcome(status: .simulated, message: file.path)
        } catch {
            return PrintOutcome(status: .failed, message: "Không ghi được phiếu mô phỏng: \(error)")
        }
    }

    static func render(_ issued: IssuedTicket, fieldName: String, centreName: String) -> String {
        let ticket = issued.ticket
        var lines = [centreName, fieldName, "", "SỐ THỨ TỰ  \(ticket.label)", ""]
        if ticket.priority.isPriority { lines.append("Ưu tiên: \(ticket.priority.vietnameseName)") }
        lines += [
            "Giờ lấy số: \(VietnamTime.clockTime(ticket.issuedAt)) ngày \(ticket.serviceDay)",
            "Số người đang chờ trước bạn: \(issued.ahead)",
            "Thời gian chờ dự kiến: \(issued.estimatedWaitMinutes) phút",
            "Theo dõi: /t/\(ticket.token)",
            "Xin cảm ơn quý khách!",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
