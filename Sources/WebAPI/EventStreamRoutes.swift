import Foundation
import HTTPTypes
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// How far back `GET /api/v1/events` replays for a client that reconnects: the last `events` ticket events,
/// none older than `age`. A client further behind (or with an id the store does not know) gets one `snapshot`
/// instead: the `GET /api/v1/hall` body, from which it redraws.
public struct EventReplayWindow: Sendable, Equatable {
    public var events: Int64 = 1000
    public var age: Duration = .seconds(600)

    public init() {}

    public init(events: Int64, age: Duration) {
        self.events = events
        self.age = age
    }
}

/// `GET /api/v1/events`: Server-Sent Events, one `ticket` event per committed ticket event, `id:` = event id.
/// A client that reconnects with `Last-Event-ID` (or `?since=`) first receives what it missed, when that is
/// within the replay window; otherwise one `snapshot` event (`id:` = the snapshot's `lastEventId`, `data:` =
/// the hall state) and then live events.
struct EventStreamRoutes {
    let database: AppDatabase
    let broadcaster: EventBroadcaster
    let clock: any WallClock
    let window: EventReplayWindow
    /// For the snapshot's `issuing` (whether the kiosk gives numbers now).
    var calendar: CalendarBook?

    /// Where a new stream starts.
    enum Start: Equatable {
        /// After this event id: replay what follows it (nothing when it is the last).
        case after(Int64)
        /// A snapshot of the hall, then live events.
        case snapshot
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/events") { request, _ in try await stream(request) }
    }

    func stream(_ request: Request) async throws -> Response {
        let requested = Self.resumePoint(request)
        // Subscribe before reading the backlog so nothing committed in between is lost; ids dedupe the overlap.
        let subscription = broadcaster.subscribe()
        let start: Start
        do {
            start = try await self.start(resumingAfter: requested)
        } catch {
            broadcaster.unsubscribe(subscription.id)
            throw error
        }
        let database = database
        let broadcaster = broadcaster
        let clock = clock
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { broadcaster.unsubscribe(subscription.id) }
                var lastSent: Int64
                try await writer.write(ByteBuffer(string: "retry: 1000\n: KhôngChờ live events\n\n"))
                switch start {
                case .after(let id):
                    lastSent = id
                    while true {
                        let backlog = try await database.events(after: lastSent, limit: 500)
                        try await writer.write(Self.frames(backlog.map(EncodedEvent.init), after: &lastSent))
                        if backlog.count < 500 { break }
                    }
                case .snapshot:
                    let state = try await database.hallState(at: clock.now(), calendar: calendar)
                    lastSent = state.lastEventId
                    try await writer.write(try Self.snapshotFrame(state))
                }
                for await item in subscription.items {
                    switch item {
                    case .events(let events): try await writer.write(Self.frames(events, after: &lastSent))
                    case .notice(let frame): try await writer.write(frame)
                    case .heartbeat: try await writer.write(ByteBuffer(string: ": ping\n\n"))
                    }
                }
                try await writer.finish(nil)
            })
    }

    /// What the client asked to resume from: nil = nothing (live only); `.some(nil)` = an id that is not a
    /// number (unknown); else the id. `Last-Event-ID` wins over `?since=`.
    static func resumePoint(_ request: Request) -> Int64?? {
        let header: String? = request.headers[HTTPField.Name("Last-Event-ID")!]
        let since: String? = request.uri.queryParameters.get("since").map { String($0) }
        guard let text = header ?? since else { return nil }
        return .some(Int64(text.trimmingCharacters(in: .whitespaces)))
    }

    /// Replay from `requested` when the store still holds everything after it within the window; a snapshot
    /// for an unknown id (not a number, negative, past the last event) or one too far behind.
    func start(resumingAfter requested: Int64??) async throws -> Start {
        guard let requested else { return .after(try await database.lastEventID()) }
        guard let id = requested, id >= 0 else { return .snapshot }
        let last = try await database.lastEventID()
        if id == last { return .after(id) }
        guard id < last, last - id <= window.events else { return .snapshot }
        guard let firstMissed = try await database.events(after: id, limit: 1).first else { return .snapshot }
        let oldest = clock.now().addingTimeInterval(-Double(window.age.components.seconds))
        return firstMissed.at >= oldest ? .after(id) : .snapshot
    }

    /// `id: <lastEventId>`, `event: snapshot`, `data:` = exactly the `GET /api/v1/hall` body.
    static func snapshotFrame(_ state: HallState) throws -> ByteBuffer {
        var frame = ByteBuffer()
        frame.writeString("id: \(state.lastEventId)\nevent: snapshot\ndata: ")
        frame.writeBytes(try JSONCoding.encoder().encode(state))
        frame.writeString("\n\n")
        return frame
    }

    /// The frames a client has not seen yet, in order.
    static func frames(_ events: [EncodedEvent], after lastSent: inout Int64) -> ByteBuffer {
        var buffer = ByteBuffer()
        for event in events where event.id > lastSent {
            buffer.writeImmutableBuffer(event.frame)
            lastSent = event.id
        }
        return buffer
    }
}

/// One event as a ready Server-Sent Events frame: `id`, `event: ticket`, JSON `data`.
struct EncodedEvent: Sendable {
    let id: Int64
    let frame: ByteBuffer

    init(_ event: PublishedEvent) throws {
        id = event.id
        var frame = ByteBuffer()
        frame.writeString("id: \(event.id)\nevent: ticket\ndata: ")
        frame.writeBytes(try JSONCoding.encoder().encode(event))
        frame.writeString("\n\n")
        self.frame = frame
    }
}
