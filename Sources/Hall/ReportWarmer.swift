import Foundation
public import Logging
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// Keeps the reporting year's closed days counted: at start and then every hour it runs the year report in
/// the background, which stores each closed day's tallies (`reportDay`), so the supervisor's year or quarter
/// report merges stored days instead of counting a million tickets while they wait.
public struct ReportWarmer: Service {
    let database: AppDatabase
    let targetsBook: TargetsBook
    /// The targets in force now (the admin may change them while the server runs).
    var targets: ServiceTargets { targetsBook.current }
    let clock: any WallClock
    let logger: Logger
    let interval: Duration

    public init(
        database: AppDatabase, targets: TargetsBook, clock: any WallClock, logger: Logger, interval: Duration = .seconds(3600)
    ) {
        self.database = database
        self.targetsBook = targets
        self.clock = clock
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await warm()
                } catch {
                    logger.warning("Report warm-up failed (reports still work, only slower): \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Runs the current reporting year's report once (15 December of the year before → 14 December).
    public func warm() async throws {
        let now = clock.now()
        let today = DayKey(now)
        let year = today.month == 12 && today.day >= 15 ? today.year + 1 : today.year
        let period = try ReportPeriod(parsing: "year:\(year)")
        let catalog = try await database.catalog()
        _ = try await database.report(period: period, targets: ReportTargets(catalog: catalog, service: targets), asOf: now)
    }
}
