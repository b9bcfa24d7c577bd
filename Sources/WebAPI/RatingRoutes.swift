import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Citizens rate from the tablet page (`/rate/{counter}`, public and rate-limited); staff read ratings.
struct RatingRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let policy: RatingPolicy
    let rateLimiter: RateLimiter
    let events: HallEventHub

    struct RateRequest: Decodable {
        let counter: Int
        let level: Int
    }
    struct RatingAnswer: Encodable, Sendable {
        let rating: Rating
        let repeated: Bool
    }
    struct RatingList: Encodable, Sendable { let ratings: [Rating] }
    struct ReasonRequest: Decodable { let reason: DissatisfactionReason }

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/ratings") { request, context in
            try limit(context)
            let body = try await request.decode(as: RateRequest.self, context: context)
            let recorded = try await RatingDesk(database: database, policy: policy, events: events)
                .rate(level: body.level, counter: body.counter, source: .web, device: nil, at: clock.now())
            return JSON(RatingAnswer(rating: recorded.rating, repeated: recorded.repeated), status: recorded.repeated ? .ok : .created)
        }
        // After a "not satisfied" (from the tablet or the counter's keypad) the tablet asks why; once per rating.
        routes.add(.post, "/api/v1/ratings/{id}/reason") { request, context in
            try limit(context)
            guard let id = Int64(try context.parameters.require("id")) else {
                throw QueueError(.unknownRating, message: "Mã lượt đánh giá phải là số.", englishMessage: "The rating id must be a number.")
            }
            let body = try await request.decode(as: ReasonRequest.self, context: context)
            return JSON(try await database.recordRatingReason(id: id, reason: body.reason, at: clock.now()))
        }
        routes.add(.get, "/api/v1/ratings") { request, context in
            _ = try context.requireRole(.staff)
            let today = VietnamTime.serviceDay(of: clock.now())
            let from = try request.day("from", default: today)
            let to = try request.day("to", default: from > today ? from : today)
            return JSON(
                RatingList(
                    ratings: try await database.ratings(
                        from: from, to: to, field: request.uri.queryParameters.get("field"), counter: try request.optionalInt("counter"))))
        }
    }

    func limit(_ context: AppRequestContext) throws {
        try rateLimiter.enforce(context.clientAddress, now: clock.now()) { wait in
            ("Đánh giá quá nhanh từ máy này; vui lòng chờ \(wait) giây.", "Too many ratings from this client; retry in \(wait) s.")
        }
    }
}
