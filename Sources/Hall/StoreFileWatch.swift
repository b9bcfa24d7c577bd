import Foundation
public import Logging
public import QueueStore
public import ServiceLifecycle

/// Watches the database file while the hall runs: every `interval` (2 s) the store compares the file it has open
/// with what the path names now and puts a deleted or replaced file back from the open connection (ticket
/// issuing checks before each ticket too). Each repair, or a file lost for good (issuing stopped, 503), is
/// raised to the supervisor as a `store` alert and logged.
public struct StoreFileWatch: Service {
    let database: AppDatabase
    let alerts: AlertMonitor
    let logger: Logger
    let interval: Duration

    public init(database: AppDatabase, alerts: AlertMonitor, logger: Logger, interval: Duration = .seconds(2)) {
        self.database = database
        self.alerts = alerts
        self.logger = logger
        self.interval = interval
        let logger = logger
        database.onFileNotice { notice in
            switch notice.kind {
            case .restored: logger.warning("\(notice.messageEn)")
            case .halted: logger.critical("\(notice.messageEn)")
            }
            alerts.raise(
                HallAlert(
                    id: "store:\(notice.kind.rawValue):\(Int(notice.at.timeIntervalSince1970))", kind: .store,
                    message: notice.message, messageEn: notice.messageEn, at: notice.at))
        }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await database.verifyFile()
                try? await Task.sleep(for: interval)
            }
        }
    }
}
