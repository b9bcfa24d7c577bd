public import Foundation
public import QueueStore

/// Records a rating from any source (tablet page, keypad) and tells the hall: the citizen is thanked on
/// the counter's display through `event: rating`.
public struct RatingDesk: Sendable {
    public let database: AppDatabase
    public let policy: RatingPolicy
    public let events: HallEventHub

    public init(database: AppDatabase, policy: RatingPolicy, events: HallEventHub) {
        self.database = database
        self.policy = policy
        self.events = events
    }

    public func rate(level: Int, counter: Int, source: Rating.Source, device: String?, at now: Date) async throws -> RecordedRating {
        let recorded = try await database.recordRating(
            level: level, counter: counter, source: source, device: device, at: now, policy: policy)
        if !recorded.repeated {
            events.publish(.rating(RatingThanks(counter: counter, level: level, ticket: recorded.rating.ticket, id: recorded.rating.id)))
        }
        return recorded
    }
}
