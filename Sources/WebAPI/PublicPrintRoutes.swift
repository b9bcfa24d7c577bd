import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The kiosk's view of its own paper ticket: how the print job stands, and "Lấy lại vé" when no paper came
/// out. Both take the ticket's token, so a kiosk (or phone) can only ask about a ticket it holds.
extension PublicRoutes {
    /// Reprints a citizen may ask for on one ticket (the first print not counted); staff can always reprint.
    static let citizenReprints = 3

    func registerPrinting(on routes: RouteTable) {
        routes.add(.get, "/api/v1/public/tickets/{token}/print") { _, context in
            let ticket = try await ticket(token: try context.parameters.require("token"))
            return JSON(try await printState(of: ticket))
        }
        routes.add(.post, "/api/v1/public/tickets/{token}/reprint") { _, context in
            try await reprint(token: try context.parameters.require("token"), context: context)
        }
    }

    func ticket(token: String) async throws -> Ticket {
        guard Ticket.isWellFormedToken(token), let ticket = try await database.ticket(token: token) else {
            throw QueueError.unknownTicket(token)
        }
        return ticket
    }

    /// The newest print job of the ticket as the kiosk shows it (`none` when it was never sent to a printer).
    func printState(of ticket: Ticket) async throws -> PrintOutcome {
        guard let job = try await database.latestPrintJob(ticket: ticket.id) else { return PrintOutcome(status: .none) }
        switch job.state {
        case .printed: return PrintOutcome(status: .printed, message: "Đã in phiếu / Ticket printed")
        case .queued: return PrintOutcome(status: .queued, message: "Đang in phiếu… / Printing…")
        case .failed:
            // Stored as "Vietnamese / English"; the kiosk shows the Vietnamese reason.
            let reason = job.error.map { String($0.components(separatedBy: " / ").first ?? $0) }
            return PrintOutcome(status: .failed, message: reason ?? "Không in được / Printing failed")
        }
    }

    /// Prints the ticket again for the citizen when the last try failed: only while it still waits, never
    /// over an unfinished or successful job, and at most `citizenReprints` times.
    func reprint(token: String, context: AppRequestContext) async throws -> JSON<PrintOutcome> {
        let ticket = try await ticket(token: token)
        func refuse(_ message: String, _ messageEn: String) -> APIError {
            APIError(.conflict, .reprintRefused, message, messageEn)
        }
        guard ticket.state == .waiting else {
            throw refuse("Số \(ticket.label) đã được gọi hoặc đã xong; không in lại.", "Ticket \(ticket.label) is no longer waiting.")
        }
        switch try await printState(of: ticket).status {
        case .queued: throw refuse("Phiếu đang được in, vui lòng chờ.", "The ticket is still printing.")
        case .printed: throw refuse("Phiếu đã in xong; vui lòng nhận ở khe máy in.", "The ticket was printed; take it from the printer.")
        case .failed, .none: break
        }
        guard try await database.printJobCount(ticket: ticket.id) <= Self.citizenReprints else {
            throw refuse(
                "Đã in lại \(Self.citizenReprints) lần; vui lòng ghi nhớ số \(ticket.label) hoặc hỏi cán bộ.",
                "Reprinted \(Self.citizenReprints) times already; please note number \(ticket.label) or ask staff.")
        }
        guard let status = try await database.ticketStatus(token: token, at: clock.now()) else { throw QueueError.unknownTicket(token) }
        let outcome = await ticketOutput.print(
            PrintRequest(
                ticket: ticket, fieldName: status.fieldName, ahead: status.ahead, estimatedWaitMinutes: status.estimatedWaitMinutes,
                kiosk: context.clientAddress))
        return JSON(outcome)
    }
}
