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

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/ratings") { request, context in
            if let wait = rateLimiter.take(context.clientAddress, now: clock.now()) {
                var error = APIError(
                    .tooManyRequests, .rateLimited,
                    "Đánh giá quá nhanh từ máy này; vui lòng chờ \(wait) giây.", "Too many ratings from this client; retry in \(wait) s.")
                error.retryAfterSeconds = wait
                throw error
            }
            let body = try await request.decode(as: RateRequest.self, context: context)
            let recorded = try await RatingDesk(database: database, policy: policy, events: events)
                .rate(level: body.level, counter: body.counter, source: .web, device: nil, at: clock.now())
            return JSON(RatingAnswer(rating: recorded.rating, repeated: recorded.repeated), status: recorded.repeated ? .ok : .created)
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
}
