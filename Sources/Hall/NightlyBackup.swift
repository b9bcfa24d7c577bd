public import Foundation
public import Logging
import NIOConcurrencyHelpers
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// Takes the nightly backup into `DIR/backups/` once the hall has closed (see `BackupSchedule`), then deletes the
/// backups the schedule no longer keeps. A failed backup is logged and raised to the supervisor as a `store`
/// alert, which stays until a later backup succeeds. Nothing runs at shutdown: a backup is never cut short.
public final class NightlyBackup: Service, Sendable {
    let database: AppDatabase
    let directory: URL
    let schedule: BackupSchedule
    let alerts: AlertMonitor
    let clock: any WallClock
    let logger: Logger
    private let lastOutcome = NIOLockedValueBox<Outcome?>(nil)

    /// How the last backup of this run went.
    public enum Outcome: Sendable, Equatable {
        case succeeded(BackupSummary, at: Date)
        case failed(String, at: Date)
    }

    public init(database: AppDatabase, directory: URL, schedule: BackupSchedule, alerts: AlertMonitor, clock: any WallClock, logger: Logger)
    {
        self.database = database
        self.directory = directory
        self.schedule = schedule
        self.alerts = alerts
        self.clock = clock
        self.logger = logger
    }

    public var last: Outcome? { lastOutcome.withLockedValue { $0 } }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.backUpIfDue()
                // Checked every minute against the wall clock, so a changed clock or a suspended box is followed.
                try? await Task.sleep(for: .seconds(60))
            }
        }
    }

    /// Takes today's backup when it is due and not there yet; returns what happened (nil: nothing was due).
    @discardableResult
    public func backUpIfDue() async -> Outcome? {
        let now = clock.now()
        guard let day = schedule.dueDay(at: now) else { return nil }
        let file = directory.appendingPathComponent(BackupSchedule.fileName(day: day))
        guard !FileManager.default.fileExists(atPath: file.path) else { return nil }
        let outcome: Outcome
        do {
            let summary = try await database.backup(to: file)
            outcome = .succeeded(summary, at: now)
            logger.info(
                "Nightly backup written",
                metadata: ["file": "\(summary.path)", "bytes": "\(summary.bytes)", "tickets": "\(summary.tickets)"])
            alerts.clear(id: Self.alertID)
            pruneExpired()
        } catch {
            outcome = .failed("\(error)", at: now)
            logger.error("Nightly backup failed", metadata: ["file": "\(file.path)", "error": "\(error)"])
            alerts.raise(
                HallAlert(
                    id: Self.alertID, kind: .store,
                    message: "Sao lưu đêm \(day) không thành công: \(Self.vietnamese(error)). Hãy kiểm tra ổ đĩa và chạy khongcho backup.",
                    messageEn: "The nightly backup of \(day) failed: \(Self.english(error)). Check the disk and run khongcho backup.",
                    at: now))
        }
        lastOutcome.withLockedValue { $0 = outcome }
        return outcome
    }

    static let alertID = "store:backup"

    /// Deletes the nightly backups the schedule no longer keeps; a file that cannot be deleted is logged and kept.
    func pruneExpired() {
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            for name in schedule.expired(among: names) {
                do {
                    try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
                    logger.info("Old backup deleted", metadata: ["file": "\(name)"])
                } catch {
                    logger.warning("Could not delete an old backup", metadata: ["file": "\(name)", "error": "\(error)"])
                }
            }
        } catch {
            logger.warning("Could not list the backups", metadata: ["directory": "\(directory.path)", "error": "\(error)"])
        }
    }

    static func vietnamese(_ error: any Error) -> String { (error as? StoreError)?.message ?? "\(error)" }
    static func english(_ error: any Error) -> String { (error as? StoreError)?.messageEn ?? "\(error)" }
}
