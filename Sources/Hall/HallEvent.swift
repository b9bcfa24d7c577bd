import NIOConcurrencyHelpers
public import QueueStore

/// Everything a hall announces: committed ticket events (stored, replayable by id) and live notices
/// (alerts, counter pauses, thanks for a rating) that pages and counter displays follow but nobody replays.
public enum HallEvent: Sendable {
    /// Ticket events just committed to the store, in order.
    case tickets([PublishedEvent])
    /// A hall alert was raised or cleared (printer out of paper, a wait over target, a display offline, …).
    case alert(HallAlert)
    /// A counter was paused or resumed.
    case counter(CounterStatus)
    /// A citizen rated a service: the counter's display and the hall screen thank them.
    case rating(RatingThanks)
    /// The admin changed how the hall presents itself (name, logo, footer, ticker): screens re-read the hall.
    case look(HallIdentity)

    /// The name a live stream gives this event (`event: alert` …); ticket events carry their own names.
    public var streamName: String {
        switch self {
        case .tickets: "ticket"
        case .alert: "alert"
        case .counter: "counter"
        case .rating: "rating"
        case .look: "hall"
        }
    }
}

/// The thanks shown after a rating: which counter, the level given, and the ticket it was attached to.
public struct RatingThanks: Codable, Sendable, Equatable {
    public let counter: Int
    public let level: Int
    public let ticket: String?
    /// The stored rating, so the counter's tablet can ask a "not satisfied" citizen why.
    public let id: Int64?

    public init(counter: Int, level: Int, ticket: String?, id: Int64? = nil) {
        self.counter = counter
        self.level = level
        self.ticket = ticket
        self.id = id
    }
}

/// The one place hall events are published: the store's committed ticket events and every live notice go
/// out to the same listeners, in the order they happen. Listeners run on the publisher's thread and must
/// return quickly (they hand the event to a stream or an actor inbox).
public final class HallEventHub: Sendable {
    private let listeners = NIOLockedValueBox<[@Sendable (HallEvent) -> Void]>([])

    /// Follows `database`'s committed ticket events as `.tickets`.
    public init(database: AppDatabase) {
        database.onCommittedEvents { [weak self] events in self?.publish(.tickets(events)) }
    }

    /// Sends `event` to every listener.
    public func publish(_ event: HallEvent) {
        for listener in listeners.withLockedValue({ $0 }) { listener(event) }
    }

    /// Adds a listener for every event from now on.
    public func subscribe(_ listener: @escaping @Sendable (HallEvent) -> Void) {
        listeners.withLockedValue { $0.append(listener) }
    }
}
