import GRDB
import NIOConcurrencyHelpers

/// `serve` checkpoints the WAL in the background (`WALCheckpointer`); every other use of the store (commands,
/// tests) keeps SQLite's own checkpoints in the writer, so nothing lets the WAL grow without a checkpointer.
extension AppDatabase {
    /// From now on the writer no longer checkpoints; `checkpointPassively()` must then be called often (every
    /// 250 ms in `serve`). Nothing for an in-memory store.
    public func checkpointInBackground() throws {
        guard try writer is DatabasePool else { return }
        checkpoints.withLockedValue { $0.on = true }
        try reopenCheckpointer()
    }

    /// One background checkpoint; when writes never paused long enough for the WAL to start over, the writer
    /// finishes it between two transactions (see `WALCheckpointer.restartAfterFrames`).
    public func checkpointPassively() async throws {
        guard let checkpointer = checkpoints.withLockedValue({ $0.checkpointer }) else { return }
        let frames = try await Self.offCooperativePool { try checkpointer.checkpoint() }
        guard let frames, frames > WALCheckpointer.restartAfterFrames else { return }
        try await writer.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// The writer checkpoints by itself again (SQLite's default, every 1,000 pages).
    /// A store already closed or lost for good has no writer to hand them to; that is not an error here.
    public func stopBackgroundCheckpoints() throws {
        checkpoints.withLockedValue { $0.on = false }
        try closeCheckpointer()
        guard file?.halted == nil, !isClosedNow else { return }
        try currentWriter.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }

    /// Before the pool closes (shutdown, or a file put back): a checkpointer must never outlive its pool's file.
    func closeCheckpointer() throws {
        let checkpointer = checkpoints.withLockedValue { state in
            defer { state.checkpointer = nil }
            return state.checkpointer
        }
        try checkpointer?.close()
    }

    /// Opens the checkpointer on the current pool's file when background checkpoints are on, and stops the
    /// writer's own.
    func reopenCheckpointer() throws {
        guard checkpoints.withLockedValue({ $0.on }), let pool = currentWriter as? DatabasePool else { return }
        try closeCheckpointer()
        let checkpointer = try WALCheckpointer(path: pool.path)
        checkpoints.withLockedValue { $0.checkpointer = checkpointer }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    }
}
