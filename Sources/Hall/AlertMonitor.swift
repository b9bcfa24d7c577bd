import Foundation
import Logging
import NIOConcurrencyHelpers
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// Re-evaluates the alert rules every `interval` and announces each new situation once on the live stream
/// (`event: alert`); the current list feeds the supervisor dashboard. Device problems are raised directly
/// and stay listed for `deviceAlertLifetime`.
public final class AlertMonitor: Service, Sendable {
    let database: AppDatabase
    let targetsBook: TargetsBook
    /// The targets in force now (the admin may change them while the server runs).
    var targets: ServiceTargets { targetsBook.current }
    let clock: any WallClock
    let events: HallEventHub
    let interval: Duration
    let logger = Logger(label: "khongcho.alerts")
    private let failures = NIOLockedValueBox(0)
    let deviceAlertLifetime: TimeInterval = 600
    private let state = NIOLockedValueBox<(rules: [String: HallAlert], devices: [String: HallAlert])>(([:], [:]))

    public init(
        database: AppDatabase, targets: TargetsBook, clock: any WallClock, events: HallEventHub,
        interval: Duration = .seconds(15)
    ) {
        self.database = database
        self.targetsBook = targets
        self.clock = clock
        self.events = events
        self.interval = interval
    }

    public func run() async throws {
        // Cancelled on graceful shutdown, so SIGTERM never waits out a sleep.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.evaluate()
                } catch {
                    // The rules are evaluated again next interval; a store that keeps failing is logged each time.
                    self.failures.withLockedValue { $0 += 1 }
                    self.logger.error("Could not evaluate the alert rules", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// Evaluations that failed (the store could not be read) since start.
    public var failedEvaluations: Int { failures.withLockedValue { $0 } }

    /// Applies the rules now; returns the alerts that are new since the last evaluation (and announces them).
    @discardableResult
    public func evaluate() async throws -> [HallAlert] {
        let now = clock.now()
        let figures = try await database.supervisorFigures(at: now, targets: targets)
        let dossiers = try await database.unreturnedDossiers(
            promisedBefore: now.addingTimeInterval(Double(targets.promiseRiskMinutes * 60)), at: now)
        let overdue = try await database.overdueFeedbackCount(at: now)
        let alerts =
            AlertRules(targets: targets).alerts(figures: figures, openDossiers: dossiers, at: now)
            + [AlertRules.feedbackAlert(overdue: overdue, now)].compactMap { $0 }
        let fresh = state.withLockedValue { state in
            let fresh = alerts.filter { state.rules[$0.id] == nil }
            // Keep the first-seen time of a continuing situation.
            state.rules = Dictionary(uniqueKeysWithValues: alerts.map { ($0.id, state.rules[$0.id] ?? $0) })
            return fresh
        }
        for alert in fresh { events.publish(.alert(alert)) }
        return fresh
    }

    /// A device (or store file) problem: announced at once, listed for a while; store alerts stay listed.
    public func raise(_ alert: HallAlert) {
        state.withLockedValue { $0.devices[alert.id] = alert }
        events.publish(.alert(alert))
    }

    /// Takes a raised alert down once its situation is over (a later backup succeeded).
    public func clear(id: String) {
        state.withLockedValue { _ = $0.devices.removeValue(forKey: id) }
    }

    /// Alerts in force, oldest first.
    public var current: [HallAlert] {
        let now = clock.now()
        return state.withLockedValue { state in
            state.devices = state.devices.filter { $0.value.kind == .store || now.timeIntervalSince($0.value.at) < deviceAlertLifetime }
            return (Array(state.rules.values) + Array(state.devices.values)).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        }
    }
}
