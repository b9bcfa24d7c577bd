import GRDB
import NIOConcurrencyHelpers

/// Checkpoints the WAL from a connection of its own, so the writer never does it inside a ticket's commit.
///
/// SQLite's default makes the committing connection copy the WAL back into the database file (and fsync it) each
/// time the WAL passes 1,000 pages: the ticket whose commit crossed the line waited for it. On the 2-core bench box
/// that was the tail of the issue path. 500 tickets/s on a year of history, three runs each way: p99 9.3–13.2 ms and
/// stalls up to 54–63 ms, against 7.5–8.2 ms and 15–20 ms with checkpoints here; 20 clients flat out, p99 10.8–11.8
/// against 8.8–9.6 ms. It is opened beside the pool, on the same file, and closed before it.
final class WALCheckpointer: Sendable {
    /// A WAL this long after a checkpoint (64 MiB of 4 KiB pages) means writes never paused long enough for it to
    /// start over (it can only when a checkpoint ends with no commit during it): the writer then checkpoints the
    /// little that is left itself, between two transactions, and the next one starts the WAL from its beginning.
    /// That costs the writer one fsync, so it is rare: every 4 s or so at 500 tickets/s, never in a hall's day.
    static let restartAfterFrames = 16_384
    /// The connection, nil once closed; the lock is held through each checkpoint, so closing waits for one running.
    private let connection: NIOLockedValueBox<DatabaseQueue?>

    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "khongcho.checkpointer"
        configuration.foreignKeysEnabled = false
        connection = NIOLockedValueBox(try DatabaseQueue(path: path, configuration: configuration))
    }

    /// One passive checkpoint (it neither waits for nor blocks the writer and the readers): the frames the WAL
    /// holds, all copied unless a reader's snapshot held some back. Nil once closed or while another checkpoint runs.
    func checkpoint() throws -> Int? {
        try connection.withLockedValue { connection in
            guard let connection else { return nil }
            do {
                return try connection.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return nil
            }
        }
    }

    func close() throws {
        try connection.withLockedValue { connection in
            defer { connection = nil }
            try connection?.close()
        }
    }
}
