import Foundation
public import Hall
import Logging
import NIOConcurrencyHelpers
import NIOCore
import QueueStore
public import ServiceLifecycle
import Synchronization

/// Fans hall events out to every open live stream (`text/event-stream`), and keeps idle streams alive with heartbeats.
/// As a Service it ends all streams on graceful shutdown, so open connections never hold the process.
///
/// Each stream holds at most `bufferLimit` items not yet written to its client. A client that falls that far
/// behind (a stalled tablet, a slow link) is dropped: its stream ends after the items already buffered, and
/// it reconnects with `Last-Event-ID`, getting the rest from the store or a snapshot. One slow client never
/// grows the server's memory or delays the others.
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

    private let state = NIOLockedValueBox(State())
    private let dropped = Atomic<Int>(0)
    let heartbeatInterval: Duration
    /// Items (event batches, notices, heartbeats) a stream may hold unwritten before its client is dropped.
    let bufferLimit: Int

    public init(events: HallEventHub, heartbeatInterval: Duration = .seconds(15), bufferLimit: Int = 1000) {
        self.heartbeatInterval = heartbeatInterval
        self.bufferLimit = max(1, bufferLimit)
        events.subscribe { [weak self] event in
            // Encoded once here, not once per client: with 200 displays open, per-client encoding dominated.
            guard let self, self.subscriberCount > 0 else { return }
            self.send(Self.item(for: event))
        }
    }

    public var subscriberCount: Int { state.withLockedValue { $0.subscribers.count } }

    /// Clients dropped so far for falling `bufferLimit` items behind.
    public var droppedCount: Int { dropped.load(ordering: .relaxed) }

    /// Ticket events go out as stored (with their ids, for `Last-Event-ID` resume); notices go out as
    /// `event: <name>` and are not replayed: a page that reconnects re-reads the state they describe.
    static func item(for event: HallEvent) -> Item {
        switch event {
        case .tickets(let events): .events(events.compactMap(encoded))
        case .alert(let alert): notice(event.streamName, alert)
        case .counter(let status): notice(event.streamName, status)
        case .rating(let thanks): notice(event.streamName, thanks)
        case .look(let identity): notice(event.streamName, identity)
        }
    }

    /// Ticket events that could not be written as JSON (logged and counted; the event stays in the store).
    static let encodeFailures = Atomic<Int>(0)
    static let logger = Logger(label: "khongcho.events")

    static func encoded(_ event: PublishedEvent) -> EncodedEvent? {
        do {
            return try EncodedEvent(event)
        } catch {
            encodeFailures.add(1, ordering: .relaxed)
            logger.error("Event \(event.id) could not be encoded for live streams: \(error)")
            return nil
        }
    }

    static func notice(_ name: String, _ payload: some Encodable) -> Item {
        var frame = ByteBuffer()
        frame.writeString("event: \(name)\ndata: ")
        do {
            frame.writeBytes(try JSONCoding.encoder().encode(payload))
        } catch {
            frame.writeString("{}")
        }
        frame.writeString("\n\n")
        return .notice(frame)
    }

    func subscribe() -> Subscription {
        // Bounded: `send` drops a client whose buffer is full; a dead client is dropped by the failed
        // heartbeat write within one interval.
        let (stream, continuation) = AsyncStream<Item>.makeStream(bufferingPolicy: .bufferingOldest(bufferLimit))
        let id: Int? = state.withLockedValue { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        if id == nil { continuation.finish() }
        return Subscription(id: id ?? -1, items: stream)
    }

    func unsubscribe(_ id: Int) {
        state.withLockedValue { $0.subscribers.removeValue(forKey: id) }?.finish()
    }

    private func send(_ item: Item) {
        var behind: [Int] = []
        for (id, continuation) in state.withLockedValue({ $0.subscribers }) {
            if case .dropped = continuation.yield(item) { behind.append(id) }
        }
        guard !behind.isEmpty else { return }
        dropped.add(behind.count, ordering: .relaxed)
        // Ending the stream lets the client drain what it holds, then reconnect and catch up from the store.
        for id in behind { unsubscribe(id) }
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

    /// Ends every open stream (shutdown) after one `event: shutdown`; clients reconnect with Last-Event-ID.
    public func closeAll() {
        let continuations = state.withLockedValue { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        let farewell = Self.notice("shutdown", ShutdownNotice())
        for continuation in continuations {
            continuation.yield(farewell)
            continuation.finish()
        }
    }
}

/// The last message of every live stream when the server stops: pages show it and reconnect by themselves.
struct ShutdownNotice: Encodable {
    let message = "Máy chủ đang khởi động lại; màn hình sẽ tự kết nối lại."
    let messageEn = "The server is restarting; this screen reconnects by itself."
    let reconnectSeconds = 2
}
