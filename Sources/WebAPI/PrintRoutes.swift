import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Reprinting a ticket (staff, at their own counter) and the list of print jobs, failed ones first in mind (supervisor).
struct PrintRoutes {
    let database: AppDatabase
    let ticketOutput: any TicketOutput

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/tickets/{id}/reprint") { _, context in
            let actor = try context.requireActor()
            guard let id = context.parameters.get("id", as: Int64.self), let ticket = try await database.ticket(id: id) else {
                throw QueueError.unknownTicket(context.parameters.get("id") ?? "")
            }
            // Staff reprint only tickets called to their own counter; supervisors and admins any.
            guard actor.mayAct(at: ticket.counter) else { throw QueueError.notYourCounter(actor.counter) }
            let fieldName = try await database.catalog().fields.first { $0.code == ticket.field }?.name ?? ticket.field
            let outcome = await ticketOutput.print(
                PrintRequest(ticket: ticket, fieldName: fieldName, ahead: 0, estimatedWaitMinutes: 0, kiosk: ticket.source))
            return JSON(outcome)
        }
        routes.add(.get, "/api/v1/print-jobs") { request, context in
            _ = try context.requireRole(.supervisor)
            let state = try request.uri.queryParameters.get("state").map { text in
                guard let state = PrintJob.State(rawValue: text) else {
                    throw QueueError.invalid(
                        "Trạng thái “\(text)” không hợp lệ (queued, printed, failed).",
                        "Unknown state '\(text)' (queued, printed, failed).")
                }
                return state
            }
            return JSON(try await database.printJobs(state: state))
        }
    }
}
