public import QueueStore
import Synchronization

/// The one place hall events are published: the store's committed ticket events and every live notice go
/// out to the same listeners, in the order they happen. Listeners run on the publisher's thread and must
/// return quickly (they hand the event to a stream or an actor inbox).
public final class HallEventHub: Sendable {
    private let listeners = Mutex<[@Sendable (HallEvent) -> Void]>([])

    /// Follows `database`'s committed ticket events as `.tickets`.
    public init(database: AppDatabase) {
        database.onCommittedEvents { [weak self] events in self?.publish(.tickets(events)) }
    }

    /// Sends `event` to every listener.
    public func publish(_ event: HallEvent) {
        for listener in listeners.withLock({ $0 }) { listener(event) }
    }

    /// Adds a listener for every event from now on.
    public func subscribe(_ listener: @escaping @Sendable (HallEvent) -> Void) {
        listeners.withLock { $0.append(listener) }
    }
}
