public import Foundation
import Hummingbird
import QueueCore

/// How this centre's replication to the province stands (`serve --province … --centre …`).
public struct ReplicationReport: Encodable, Sendable, Equatable {
    public var centre: String
    /// Facts the province has not applied yet.
    public var backlog: Int64
    /// Seconds since the province was last caught up (0 when it is).
    public var lagSeconds: Double
    public var failures: Int
    public var lastError: String?
    public var caughtUpAt: Date?

    public init(centre: String, backlog: Int64, lagSeconds: Double, failures: Int, lastError: String?, caughtUpAt: Date?) {
        self.centre = centre
        self.backlog = backlog
        self.lagSeconds = lagSeconds
        self.failures = failures
        self.lastError = lastError
        self.caughtUpAt = caughtUpAt
    }
}

/// `GET /api/v1/supervisor/replication` for the supervisor page; 404 when the centre is not in province mode.
struct ReplicationRoutes {
    let report: (@Sendable () -> ReplicationReport)?

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/supervisor/replication") { _, context in
            _ = try context.requireRole(.supervisor)
            guard let report else {
                throw APIError(
                    .notFound, .notFound, "Trung tâm này không đồng bộ lên tỉnh (chạy với --province và --centre để bật).",
                    "This centre does not replicate to a province (start with --province and --centre).")
            }
            return JSON(report())
        }
    }
}
