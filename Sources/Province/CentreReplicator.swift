public import Foundation
public import Hall
public import Logging
import NIOConcurrencyHelpers
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// The centre side of province mode: every `interval` it reports the centre's pulse, then sends the event log and
/// the replication log after the province's cursors, `batchSize` entries per transaction, until caught up. The hall
/// never waits for it: a province that cannot be reached is retried with backoff (1 s doubling to 5 s, so a province back up is caught up within seconds), the failure
/// logged and counted, and the backlog simply grows in the centre's own store until it is back. Memory stays at one
/// batch whatever the backlog.
public final class CentreReplicator: Service, Sendable {
    /// Where replication stands, for `/metrics` and the supervisor page.
    public struct Status: Sendable, Equatable {
        /// Events and log entries the province has not applied yet.
        public var backlog: Int64 = 0
        /// Seconds since the province was last fully caught up (0 when it is).
        public var lagSeconds: Double = 0
        public var failures = 0
        public var lastError: String?
        public var caughtUpAt: Date?
        /// Facts applied since start.
        public var applied = 0
        /// The province's cursors as last read or moved (event log, replication log).
        var cursors: (events: Int64, log: Int64) = (0, 0)

        public static func == (a: Status, b: Status) -> Bool {
            a.backlog == b.backlog && a.lagSeconds == b.lagSeconds && a.failures == b.failures && a.lastError == b.lastError
                && a.caughtUpAt == b.caughtUpAt && a.applied == b.applied
        }
    }

    let database: AppDatabase
    let province: ProvinceDatabase
    let centre: String
    let clock: any WallClock
    let alerts: AlertMonitor?
    let logger: Logger
    let interval: Duration
    let batchSize: Int
    /// Told the status after every pass and failure (metrics).
    let onStatus: @Sendable (Status) -> Void
    private let state = NIOLockedValueBox(Status())

    public init(
        database: AppDatabase, province: ProvinceDatabase, centre: String, clock: any WallClock, alerts: AlertMonitor?,
        logger: Logger, interval: Duration = .seconds(1), batchSize: Int = 2000, onStatus: @escaping @Sendable (Status) -> Void = { _ in }
    ) {
        self.database = database
        self.province = province
        self.centre = centre
        self.clock = clock
        self.alerts = alerts
        self.logger = logger
        self.interval = interval
        self.batchSize = batchSize
        self.onStatus = onStatus
    }

    public var status: Status { state.withLockedValue { $0 } }

    /// The fact format this build sends (the centre store's migration count); the province copes with older ones.
    public static let centreVersion = 17

    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            var delay = interval
            var migrated = false
            while !Task.isCancelled {
                do {
                    if !migrated {
                        try await province.migrate()
                        migrated = true
                    }
                    try await cycle()
                    delay = interval
                } catch {
                    delay = min(max(delay * 2, .seconds(1)), .seconds(5))
                    await failed(error)
                }
                try? await Task.sleep(for: delay)
            }
        }
        await province.close()
    }

    /// One pass: pulse, then both logs until caught up. Tests call it directly.
    public func cycle() async throws {
        let deviceAlerts = alerts?.current.filter { $0.kind == .device }.count ?? 0
        try await province.report(
            try await database.centrePulse(at: clock.now()), centre: centre, deviceAlerts: deviceAlerts, version: Self.centreVersion,
            at: clock.now())
        var cursors = try await province.cursors(centre: centre)
        while true {
            let batch = try await database.ticketFeed(after: cursors.events, limit: batchSize)
            guard batch.events > 0 else { break }
            try await province.apply(batch, centre: centre)
            cursors.events = batch.through
            state.withLockedValue {
                $0.applied += batch.events
                $0.cursors.events = batch.through
            }
        }
        while true {
            let batch = try await database.logFeed(after: cursors.log, limit: batchSize)
            guard batch.entries > 0 else { break }
            try await province.apply(batch, centre: centre)
            cursors.log = batch.through
            state.withLockedValue {
                $0.applied += batch.entries
                $0.cursors.log = batch.through
            }
        }
        let heads = try await database.replicationHeads()
        let backlog = max(0, heads.events - cursors.events) + max(0, heads.log - cursors.log)
        let now = clock.now()
        let status = state.withLockedValue { status in
            status.backlog = backlog
            status.cursors = cursors
            if backlog == 0 { status.caughtUpAt = now }
            status.lagSeconds = backlog == 0 ? 0 : status.caughtUpAt.map { now.timeIntervalSince($0) } ?? 0
            status.lastError = nil
            return status
        }
        onStatus(status)
    }

    /// Counts and logs a failed pass; the backlog is measured against the cursors last known, since the province
    /// cannot be asked.
    func failed(_ error: any Error) async {
        let text = (error as? ProvinceError)?.messageEn ?? String(describing: error)
        let now = clock.now()
        let heads: (events: Int64, log: Int64)?
        do { heads = try await database.replicationHeads() } catch { heads = nil }
        let status = state.withLockedValue { status in
            status.failures += 1
            status.lastError = text
            status.lagSeconds = status.caughtUpAt.map { now.timeIntervalSince($0) } ?? status.lagSeconds
            if let heads {
                status.backlog = max(0, heads.events - status.cursors.events) + max(0, heads.log - status.cursors.log)
            }
            return status
        }
        logger.warning("Province replication failed; the hall goes on and it will retry", metadata: ["error": "\(text)"])
        onStatus(status)
    }
}
