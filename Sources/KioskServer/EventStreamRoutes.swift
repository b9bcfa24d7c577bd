import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import QueueStore

/// `GET /api/v1/events`: Server-Sent Events, one `ticket` event per committed ticket event, `id:` = event id.
/// A client that reconnects with `Last-Event-ID` (or `?since=`) first receives everything it missed.
struct EventStreamRoutes {
    let database: AppDatabase
    let broadcaster: EventBroadcaster

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/events") { request, _ in try stream(request) }
    }

    func stream(_ request: Request) throws -> Response {
        let resumeFrom = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) }
            ?? request.uri.queryParameters.get("since", as: Int64.self)
        let start = try resumeFrom ?? database.lastEventID()
        // Subscribe before reading the backlog so nothing committed in between is lost; ids dedupe the overlap.
        let subscription = broadcaster.subscribe()
        let database = database
        let broadcaster = broadcaster
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { broadcaster.unsubscribe(subscription.id) }
            var lastSent = start
            try await writer.write(ByteBuffer(string: "retry: 1000\n: KhôngChờ live events\n\n"))
            while true {
                let backlog = try database.events(after: lastSent, limit: 500)
                try await writer.write(Self.encode(backlog, after: &lastSent))
                if backlog.count < 500 { break }
            }
            for await item in subscription.items {
                switch item {
                case .events(let events): try await writer.write(Self.encode(events, after: &lastSent))
                case .heartbeat: try await writer.write(ByteBuffer(string: ": ping\n\n"))
                }
            }
            try await writer.finish(nil)
        })
    }

    static func encode(_ events: [PublishedEvent], after lastSent: inout Int64) throws -> ByteBuffer {
        let encoder = JSONCoding.encoder()
        var buffer = ByteBuffer()
        for event in events where event.id > lastSent {
            buffer.writeString("id: \(event.id)\nevent: ticket\ndata: ")
            buffer.writeBytes(try encoder.encode(event))
            buffer.writeString("\n\n")
            lastSent = event.id
        }
        return buffer
    }
}
