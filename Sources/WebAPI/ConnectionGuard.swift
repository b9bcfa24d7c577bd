import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// One connection's defences, first in its pipeline (raw bytes):
/// - it counts the connection against its client address and answers one over `maxPerClient` with
///   `503 too_many_connections` before closing it;
/// - it closes the connection when the client is too slow: a request head not complete within `headerTimeout`
///   of the connection opening (or of the request's first byte on a kept-alive connection), a body pausing
///   longer than that, or no new request within `idleTimeout` of the last response. A response under way (a
///   live event stream) is never timed out.
///
/// It sees bytes, not requests: `RequestObserver`, placed after the HTTP decoder, tells it where each request is.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let limits: ConnectionLimits
    let counter: ConnectionCounter
    let logger: Logger
    /// The address counted for this connection (nil: not counted, or already released).
    private var admitted: String?
    private var rejected = false
    private(set) var headsRead = 0
    private var endsRead = 0
    private(set) var responsesEnded = 0
    /// Bytes of a next request arrived on an idle kept-alive connection (its head is not complete yet).
    private var nextRequestStarted = false
    private var deadline: Scheduled<Void>?
    private var channel: (any Channel)?

    init(limits: ConnectionLimits, counter: ConnectionCounter, logger: Logger) {
        self.limits = limits
        self.counter = counter
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        channel = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !rejected else { return }
        if isIdle, !nextRequestStarted {
            nextRequestStarted = true
            arm(limits.headerTimeout, context.eventLoop, reason: "header")
        }
        context.fireChannelRead(data)
    }

    // MARK: Requests, as the observer reports them

    func requestHead(_ eventLoop: any EventLoop) {
        headsRead += 1
        nextRequestStarted = false
        arm(limits.headerTimeout, eventLoop, reason: "body")
    }

    func requestBody(_ eventLoop: any EventLoop) {
        if headsRead > endsRead { arm(limits.headerTimeout, eventLoop, reason: "body") }
    }

    func requestEnd(_ eventLoop: any EventLoop) {
        endsRead += 1
        reschedule(eventLoop)
    }

    func responseEnd(_ eventLoop: any EventLoop) {
        responsesEnded += 1
        reschedule(eventLoop)
    }

    /// No request is being received or answered.
    var isIdle: Bool { headsRead == endsRead && endsRead <= responsesEnded }

    // MARK: Private

    private func start(_ context: ChannelHandlerContext) {
        guard channel == nil else { return }
        channel = context.channel
        if let address = context.channel.remoteAddress?.ipAddress, limits.maxPerClient > 0 {
            guard counter.admit(address) else { return reject(context, address: address) }
            admitted = address
        }
        // The first request: its head must arrive within the header timeout of the connection opening.
        nextRequestStarted = true
        arm(limits.headerTimeout, context.eventLoop, reason: "header")
    }

    private func stop() {
        deadline?.cancel()
        deadline = nil
        if let admitted { counter.release(admitted) }
        admitted = nil
    }

    private func reschedule(_ eventLoop: any EventLoop) {
        if headsRead > endsRead {
            arm(limits.headerTimeout, eventLoop, reason: "body")
        } else if !isIdle {
            deadline?.cancel()
            deadline = nil
        } else if nextRequestStarted {
            arm(limits.headerTimeout, eventLoop, reason: "header")
        } else {
            arm(limits.idleTimeout, eventLoop, reason: "idle")
        }
    }

    private func arm(_ timeout: Duration, _ eventLoop: any EventLoop, reason: String) {
        deadline?.cancel()
        guard let channel, timeout > .zero else { return }
        let logger = logger
        deadline = eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: TimeAmount(timeout)) {
            logger.debug(
                "Closing a slow connection", metadata: ["timeout": "\(reason)", "peer": "\(channel.remoteAddress?.description ?? "?")"])
            channel.close(promise: nil)
        }
    }

    private func reject(_ context: ChannelHandlerContext, address: String) {
        rejected = true
        logger.debug("Refusing a connection over the per-client cap", metadata: ["peer": "\(address)", "cap": "\(limits.maxPerClient)"])
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(Self.tooManyConnections)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// `503 too_many_connections` as raw HTTP/1.1, in the API's error shape (no request was parsed yet).
    static let tooManyConnections: ByteBuffer = {
        let body = APIError.tooManyConnections.jsonBody
        var buffer = ByteBuffer()
        buffer.writeString(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: \(body.count)\r\nRetry-After: 5\r\nConnection: close\r\n\r\n")
        buffer.writeBytes(body)
        return buffer
    }()
}

/// The HTTP-side half of `ConnectionGuard`: reports each request part and response end to it, and answers a
/// request the decoder cannot read (bad syntax, a head over the size limits) with a JSON `400`/`431` instead of
/// Hummingbird's empty `400`.
final class RequestObserver: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The raw-side half in the same pipeline (found when added; nil without one).
    private var connection: ConnectionGuard?
    private var failed = false

    func handlerAdded(context: ChannelHandlerContext) {
        // Not found only in a pipeline without a guard (a test's): then there is nothing to report to.
        connection = try? context.pipeline.syncOperations.handler(type: ConnectionGuard.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        switch unwrapInboundIn(data) {
        case .head: connection?.requestHead(context.eventLoop)
        case .body: connection?.requestBody(context.eventLoop)
        case .end: connection?.requestEnd(context.eventLoop)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { connection?.responseEnd(context.eventLoop) }
        context.write(data, promise: promise)
    }

    /// A request that cannot be read, while no other is being answered: a JSON error, then close. Errors in the
    /// middle of an exchange go on to Hummingbird, which ends that exchange as before.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let unreadable = error is HTTPParserError || error is HTTP1TypeConversionError || error is ByteToMessageDecoderError
        let answering = connection.map { $0.headsRead > $0.responsesEnded } ?? false
        guard unreadable, !failed, !answering else {
            return context.fireErrorCaught(error)
        }
        failed = true
        let apiError: APIError =
            if case .headerOverflow? = error as? HTTPParserError { .headerTooLarge } else { .malformedRequest }
        let body = apiError.jsonBody
        let head = HTTPResponse(
            status: apiError.status,
            headerFields: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.count), .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
