public import ServiceLifecycle
import Foundation
import NIOCore
public import QueueStore
import Synchronization

/// Fans committed ticket events out to every open live stream, and keeps idle streams alive with heartbeats.
/// As a Service it ends all streams on graceful shutdown, so open connections never hold the process.
public final class EventBroadcaster: Service, Sendable {
    enum Item: Sendable {
        case events([EncodedEvent])
        case notice(ByteBuffer)
        case heartbeat
    }

    struct Subscription: Sendable {
        let id: Int
        let items: AsyncStream<Item>
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<Item>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())
    private let noticeListeners = Mutex<[@Sendable (String, any Sendable) -> Void]>([])
    let heartbeatInterval: Duration

    public init(database: AppDatabase, heartbeatInterval: Duration = .seconds(15)) {
        self.heartbeatInterval = heartbeatInterval
        // Encoded once here, not once per client: with 200 displays open, per-client encoding dominated.
        database.onCommittedEvents { [weak self] events in
            guard let self, self.subscriberCount > 0 else { return }
            self.send(.events(events.compactMap { try? EncodedEvent($0) }))
        }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Sends a live-only notice to every open stream as `event: <name>` — `alert` (a printer out of paper,
    /// …) or `counter` (a counter paused or resumed). Unlike ticket events these are not stored or replayed:
    /// a page that reconnects re-reads the state they describe.
    public func publish(_ name: String, _ payload: some Encodable & Sendable) {
        for listener in noticeListeners.withLock({ $0 }) { listener(name, payload) }
        guard subscriberCount > 0, let json = try? JSONCoding.encoder().encode(payload) else { return }
        var frame = ByteBuffer()
        frame.writeString("event: \(name)\ndata: ")
        frame.writeBytes(json)
        frame.writeString("\n\n")
        send(.notice(frame))
    }

    /// In-process listeners for live notices (counter displays follow pauses and ratings this way).
    public func onNotice(_ listener: @escaping @Sendable (String, any Sendable) -> Void) {
        noticeListeners.withLock { $0.append(listener) }
    }

    func subscribe() -> Subscription {
        // Unbounded: events are small and rare next to a client's read speed; a dead client is dropped by
        // the failed heartbeat write within one interval.
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        if id == nil { continuation.finish() }
        return Subscription(id: id ?? -1, items: stream)
    }

    func unsubscribe(_ id: Int) {
        state.withLock { $0.subscribers.removeValue(forKey: id) }?.finish()
    }

    private func send(_ item: Item) {
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(item) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.heartbeatInterval)
                self.send(.heartbeat)
            }
        }
        closeAll()
    }

    /// Ends every open stream (shutdown); clients reconnect with Last-Event-ID.
    public func closeAll() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
