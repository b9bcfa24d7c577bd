import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Calling and serving tickets: staff at their own counter, supervisors and admins at any.
struct StaffRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let events: HallEventHub

    struct DoneRequest: Decodable { let outcome: Outcome }
    struct TransferRequest: Decodable {
        let field: String?
        let counter: Int?
        let note: String?
    }
    struct PauseRequest: Decodable { let paused: Bool }
    struct RequeueRequest: Decodable { let position: Int }
    struct OfficerRequest: Decodable { let username: String }
    struct CallRequest: Decodable {
        let ticket: Int64
        let reason: String
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/counters") { _, context in
            _ = try context.requireRole(.staff)
            return JSON(try await database.counters())
        }
        routes.add(.get, "/api/v1/counters/{counter}/queue") { _, context in
            _ = try context.requireRole(.staff)
            return JSON(try await database.waitingList(counter: try counterNumber(context), at: clock.now()))
        }
        routes.add(.post, "/api/v1/counters/{counter}/next") { request, context in
            let actor = try context.requireActor()
            guard let event = try await database.callNext(counter: try counterNumber(context), by: actor, at: clock.now()) else {
                return Response(status: .noContent)
            }
            return try JSON(event.ticket).response(from: request, context: context)
        }
        routes.add(.post, "/api/v1/counters/{counter}/officer") { request, context in
            _ = try context.requireRole(.supervisor)
            let body = try await request.decode(as: OfficerRequest.self, context: context)
            try TextInput.check(body.username, "username")
            let number = try counterNumber(context)
            let user = try await database.moveOfficer(username: body.username, to: number, audit: context.auditStamp, at: clock.now())
            if let status = try await database.counters().first(where: { $0.number == number }) { events.publish(.counter(status)) }
            return JSON(user)
        }
        routes.add(.get, "/api/v1/counters/{counter}/no-shows") { _, context in
            _ = try context.requireRole(.staff)
            return JSON(try await database.noShows(counter: try counterNumber(context), at: clock.now()))
        }
        routes.add(.post, "/api/v1/tickets/{id}/requeue") { request, context in
            let actor = try context.requireActor()
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw QueueError.unknownTicket(context.parameters.get("id") ?? "")
            }
            let body = try await request.decode(as: RequeueRequest.self, context: context)
            return JSON(try await database.requeue(ticket: id, position: body.position, by: actor, at: clock.now()).ticket)
        }
        routes.add(.post, "/api/v1/counters/{counter}/call") { request, context in
            let actor = try context.requireActor()
            let body = try await request.decode(as: CallRequest.self, context: context)
            let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try TextInput.check(reason, "reason")
            guard !reason.isEmpty, reason.count <= 200 else {
                throw QueueError.invalid(
                    "Gọi không theo thứ tự cần ghi lý do (tối đa 200 ký tự).",
                    "A call out of order needs a reason (200 characters at most).")
            }
            let event = try await database.callOutOfOrder(
                ticket: body.ticket, counter: try counterNumber(context), reason: reason, by: actor,
                client: context.clientAddress, at: clock.now())
            return try JSON(event.ticket).response(from: request, context: context)
        }
        routes.add(.post, "/api/v1/counters/{counter}/pause") { request, context in
            let actor = try context.requireActor()
            let number = try counterNumber(context)
            guard actor.counter == nil || actor.counter == number else { throw QueueError.notYourCounter(actor.counter) }
            let body = try await request.decode(as: PauseRequest.self, context: context)
            try await database.setPaused(counter: number, body.paused)
            let status = try await database.counters().first { $0.number == number }
            if let status { events.publish(.counter(status)) }
            return JSON(status)
        }
        registerActions(on: routes)
    }

    func registerActions(on routes: RouteTable) {
        routes.add(.post, "/api/v1/tickets/{id}/recall") { _, context in try await act(.recall, context) }
        routes.add(.post, "/api/v1/tickets/{id}/serve") { _, context in try await act(.serve, context) }
        routes.add(.post, "/api/v1/tickets/{id}/no-show") { _, context in try await act(.noShow, context) }
        routes.add(.post, "/api/v1/tickets/{id}/cancel") { _, context in try await act(.cancel, context) }
        routes.add(.post, "/api/v1/tickets/{id}/done") { request, context in
            _ = try context.requireActor()
            let body = try await request.decode(as: DoneRequest.self, context: context)
            return try await act(.done(body.outcome), context)
        }
        routes.add(.post, "/api/v1/tickets/{id}/transfer") { request, context in
            let actor = try context.requireActor()
            let body = try await request.decode(as: TransferRequest.self, context: context)
            if let field = body.field { try TextInput.check(field, "field") }
            // A note typed over several lines is kept as one.
            let note = body.note.map { String($0.map { $0.isNewline || $0 == "\t" ? " " : $0 }) }
            if let note { try TextInput.check(note, "note") }
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw QueueError.unknownTicket(context.parameters.get("id") ?? "")
            }
            let target = TransferTarget(field: body.field, counter: body.counter, note: note)
            return JSON(try await database.transfer(ticket: id, to: target, by: actor, at: clock.now()).ticket)
        }
    }

    func act(_ action: TicketAction, _ context: AppRequestContext) async throws -> JSON<TicketSummary> {
        let actor = try context.requireActor()
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw QueueError.unknownTicket(context.parameters.get("id") ?? "")
        }
        return JSON(try await database.apply(action, ticket: id, by: actor, at: clock.now()).ticket)
    }

    func counterNumber(_ context: AppRequestContext) throws -> Int {
        guard let number = context.parameters.get("counter", as: Int.self) else {
            throw QueueError.unknownCounter(-1)
        }
        return number
    }
}
