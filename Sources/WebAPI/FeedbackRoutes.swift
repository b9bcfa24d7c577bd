import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Feedback and complaints (phản ánh, kiến nghị). Citizens submit from the kiosk, `/gop-y` or a counter and follow
/// their item by its tracking code (public, rate-limited, no names). Supervisors classify, assign and close;
/// an officer answers only what is assigned to them, and never an item about themselves. The deadline is the
/// targets' `feedbackWorkingDays` (default 10) working days on the hall's calendar.
struct FeedbackRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let calendar: CalendarBook?
    let targets: TargetsBook
    let rateLimiter: RateLimiter
    /// Unknown tracking codes per client address, like booking codes.
    let guesses = LoginThrottle(limits: .init(perPair: 10, perAddress: 10))

    struct SubmitRequest: Decodable {
        let subject: String
        let text: String
        let contact: String?
        let ticket: String?
        let dossier: String?
        let channel: FeedbackItem.Channel?
    }
    struct Receipt: Encodable, Sendable {
        let code: String
        let status: FeedbackItem.Status
        let receivedAt: Date
        let deadline: Date
    }
    struct ItemList: Encodable, Sendable {
        let items: [FeedbackItem]
        let overdue: Int
    }
    struct AssignRequest: Decodable { let assignee: String }
    struct AnswerRequest: Decodable { let answer: String }

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/feedback") { request, context in
            try limit(context)
            let body = try await request.decode(as: SubmitRequest.self, context: context)
            let item = try await database.submitFeedback(
                try submission(body, staff: context.user?.username), deadline: try deadline(from: clock.now()),
                by: context.auditStamp, at: clock.now())
            return JSON(
                Receipt(code: item.code, status: item.status, receivedAt: item.receivedAt, deadline: item.deadline), status: .created)
        }
        routes.add(.get, "/api/v1/feedback") { request, context in
            let user = try context.requireRole(.staff)
            let status = request.uri.queryParameters.get("status") ?? "open"
            guard status == "open" || status == "all" else {
                throw QueueError.invalid("status phải là open hoặc all.", "status must be open or all.")
            }
            let now = clock.now()
            let items = try await database.feedbackItems(
                includeClosed: status == "all", assignee: user.role == .staff ? user.username : nil, at: now)
            return JSON(ItemList(items: items, overdue: items.filter { $0.overdue && $0.status != .closed }.count))
        }
        routes.add(.get, "/api/v1/feedback/{code}") { _, context in
            try limit(context)
            return JSON(try await known(context).publicView)
        }
        registerHandling(on: routes)
    }

    func registerHandling(on routes: RouteTable) {
        routes.add(.post, "/api/v1/feedback/{code}/classify") { request, context in
            _ = try context.requireRole(.supervisor)
            let item = try await known(context)
            let body = try await request.decode(as: FeedbackClassification.self, context: context)
            for value in [body.field, body.officerConcerned].compactMap({ $0 }) { try TextInput.check(value, "classification") }
            return JSON(try await database.classifyFeedback(code: item.code, body, by: context.auditStamp, at: clock.now()))
        }
        routes.add(.post, "/api/v1/feedback/{code}/assign") { request, context in
            _ = try context.requireRole(.supervisor)
            let item = try await known(context)
            let body = try await request.decode(as: AssignRequest.self, context: context)
            try TextInput.check(body.assignee, "assignee")
            return JSON(try await database.assignFeedback(code: item.code, to: body.assignee, by: context.auditStamp, at: clock.now()))
        }
        routes.add(.post, "/api/v1/feedback/{code}/answer") { request, context in
            let user = try context.requireRole(.staff)
            let item = try await known(context)
            let body = try await request.decode(as: AnswerRequest.self, context: context)
            let answer = try Self.text(body.answer, "answer", max: 2000)
            return JSON(
                try await database.answerFeedback(
                    code: item.code, answer: answer, by: user.username, client: context.clientAddress, at: clock.now()))
        }
        routes.add(.post, "/api/v1/feedback/{code}/close") { _, context in
            _ = try context.requireRole(.supervisor)
            let item = try await known(context)
            return JSON(try await database.closeFeedback(code: item.code, by: context.auditStamp, at: clock.now()))
        }
    }
}
