import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with a `ConnectionGuard` in front of every connection (per-client cap,
/// header, body and idle timeouts) and a `RequestObserver` after the HTTP decoder.
struct GuardedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let responder: HTTPChannelHandler.Responder
    let http: HTTP1Channel
    let limits: ConnectionLimits
    let counter: ConnectionCounter

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits) {
        self.responder = responder
        self.limits = limits
        counter = ConnectionCounter(maxPerClient: limits.maxPerClient)
        http = HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [RequestObserver()]))
    }

    /// The server builder `Application` takes.
    static func builder(limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            let connection = ConnectionGuard(limits: limits, counter: counter, logger: logger)
            try channel.pipeline.syncOperations.addHandler(connection, position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}
