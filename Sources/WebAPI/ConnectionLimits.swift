/// How long the server waits for slow clients and how many connections it keeps open: the defences that stop
/// one machine (or a few) from holding every file descriptor, so the kiosk can always issue a ticket.
public struct ConnectionLimits: Sendable, Equatable {
    /// A request's head must be complete within this time of the connection opening (or of its first byte on
    /// a kept-alive connection), and a request body may pause no longer than this between two reads.
    public var headerTimeout: Duration = .seconds(10)
    /// A kept-alive connection with no request under way is closed after this time. Live streams (SSE) are
    /// responses under way, so they are never idle.
    public var idleTimeout: Duration = .seconds(30)
    /// Open connections from one client address (the socket's peer); over it a new connection is answered
    /// `503 too_many_connections` and closed. 0 = no limit.
    public var maxPerClient: Int = 64
    /// Open connections in all; at the cap new connections wait in the listen queue until one closes.
    /// 0 = no limit.
    public var maxConnections: Int = 1024

    public init() {}

    public init(headerTimeout: Duration, idleTimeout: Duration, maxPerClient: Int, maxConnections: Int) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxPerClient = maxPerClient
        self.maxConnections = maxConnections
    }
}
