import Synchronization

/// Fans committed events out to listeners (the live stream, device drivers).
final class EventSink: Sendable {
    private let listeners = Mutex<[@Sendable ([PublishedEvent]) -> Void]>([])

    func add(_ listener: @escaping @Sendable ([PublishedEvent]) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func deliver(_ events: [PublishedEvent]) {
        guard !events.isEmpty else { return }
        for listener in listeners.withLock({ $0 }) { listener(events) }
    }
}
