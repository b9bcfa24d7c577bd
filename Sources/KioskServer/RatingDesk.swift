public import Foundation
public import QueueStore

/// Records a rating from any source (tablet page, keypad) and tells the hall: the citizen is thanked on
/// the counter's display through `event: rating`.
public struct RatingDesk: Sendable {
    public let database: AppDatabase
    public let policy: RatingPolicy
    public let broadcaster: EventBroadcaster

    public struct Thanks: Encodable, Sendable {
        public let counter: Int
        public let level: Int
        public let ticket: String?
    }

    public init(database: AppDatabase, policy: RatingPolicy, broadcaster: EventBroadcaster) {
        self.database = database
        self.policy = policy
        self.broadcaster = broadcaster
    }

    public func rate(level: Int, counter: Int, source: Rating.Source, device: String?, at now: Date) async throws -> RecordedRating {
        let recorded = try await database.recordRating(level: level, counter: counter, source: source, device: device, at: now, policy: policy)
        if !recorded.repeated {
            broadcaster.publish("rating", Thanks(counter: counter, level: level, ticket: recorded.rating.ticket))
        }
        return recorded
    }
}
