import Foundation
public import Logging
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// Every minute, releases the bookings not checked in by their slot's start plus the grace time (10 minutes by
/// default): the place is free for someone else and the release stays on record. Check-in releases too, so a
/// late citizen is never given a released place in between.
public struct BookingReleaser: Service {
    let database: AppDatabase
    let rules: BookingRules
    let clock: any WallClock
    let logger: Logger
    let interval: Duration

    public init(database: AppDatabase, rules: BookingRules, clock: any WallClock, logger: Logger, interval: Duration = .seconds(60)) {
        self.database = database
        self.rules = rules
        self.clock = clock
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let released = try await database.releaseLateBookings(at: clock.now(), grace: rules.current.grace)
                    if released > 0 { logger.info("Released \(released) booking(s) not checked in on time") }
                } catch {
                    logger.error("Could not release late bookings", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
