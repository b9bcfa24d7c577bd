public import Logging
public import QueueStore
public import ServiceLifecycle

/// Checkpoints the store's WAL every `interval` (250 ms) from a connection of its own, so no ticket's commit
/// waits for one (`AppDatabase.checkpointInBackground()`). At shutdown the writer takes checkpoints back before the
/// store closes. A failed checkpoint loses nothing — the pages stay in the WAL — but it is logged, and the writer
/// checkpoints by itself again after three in a row.
public struct StoreCheckpointService: Service {
    let database: AppDatabase
    let logger: Logger
    let interval: Duration

    public init(database: AppDatabase, logger: Logger, interval: Duration = .milliseconds(250)) {
        self.database = database
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        try database.checkpointInBackground()
        let gaveUp = await cancelWhenGracefulShutdown { await checkpointUntilCancelled() }
        if gaveUp { logger.warning("Background checkpoints stopped: the writer checkpoints by itself again") }
        try database.stopBackgroundCheckpoints()
    }

    /// True when it stopped after three failures in a row rather than at shutdown.
    func checkpointUntilCancelled() async -> Bool {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await database.checkpointPassively()
                failures = 0
            } catch {
                failures += 1
                logger.error("WAL checkpoint failed", metadata: ["error": "\(error)", "inARow": "\(failures)"])
                if failures == 3 { return true }
            }
            try? await Task.sleep(for: interval)  // cancelled at shutdown: the loop ends
        }
        return false
    }
}
