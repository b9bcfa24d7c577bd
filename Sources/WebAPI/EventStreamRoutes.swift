import Foundation
import HTTPTypes
import Hall
import Hummingbird
import NIOCore
import QueueStore

/// `GET /api/v1/events`: Server-Sent Events, one `ticket` event per committed ticket event, `id:` = event id.
/// A client that reconnects with `Last-Event-ID` (or `?since=`) first receives everything it missed.
struct EventStreamRoutes {
    let database: AppDatabase
    let broadcaster: EventBroadcaster

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/events") { request, _ in try await stream(request) }
    }

    func stream(_ request: Request) async throws -> Response {
        let resumeFrom =
            request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) }
            ?? request.uri.queryParameters.get("since", as: Int64.self)
        let start: Int64
        if let resumeFrom { start = resumeFrom } else { start = try await database.lastEventID() }
        // Subscribe before reading the backlog so nothing committed in between is lost; ids dedupe the overlap.
        let subscription = broadcaster.subscribe()
        let database = database
        let broadcaster = broadcaster
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { broadcaster.unsubscribe(subscription.id) }
                var lastSent = start
                try await writer.write(ByteBuffer(string: "retry: 1000\n: KhôngChờ live events\n\n"))
                while true {
                    let backlog = try await database.events(after: lastSent, limit: 500)
                    try await writer.write(Self.frames(backlog.map(EncodedEvent.init), after: &lastSent))
                    if backlog.count < 500 { break }
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
