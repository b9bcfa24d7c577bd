import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// `serve` checkpoints the WAL from a connection of its own: the writer stops checkpointing inside commits, the
/// pages reach the database file anyway, a file put back gets a checkpointer of its own, and closing leaves the WAL empty.
@Suite("Background WAL checkpoints")
struct StoreCheckpointTests {
    static let now = StoreBackupTests.now

    static func store() throws -> (URL, AppDatabase) { try StoreBackupTests.store() }

    static func issue(_ database: AppDatabase, _ count: Int) async throws {
        for _ in 0..<count { _ = try await database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: now) }
    }

    static func autocheckpoint(_ database: AppDatabase) async throws -> Int? {
        try await database.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    }

    /// The tickets in the database file alone, the WAL ignored (`immutable`): what a checkpoint has copied so far.
    static func ticketsInTheFileAlone(_ directory: URL) throws -> Int {
        let path = directory.appendingPathComponent("khongcho.sqlite").path
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: "file:\(path)?immutable=1", configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") ?? 0 }
    }

    /// The WAL's size once the store is closed: nothing left in it (the file itself may stay, empty).
    static func walBytes(_ directory: URL) throws -> Int {
        let wal = directory.appendingPathComponent("khongcho.sqlite-wal").path
        guard FileManager.default.fileExists(atPath: wal) else { return 0 }
        return try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int ?? -1
    }

    @Test func theCheckpointerCopiesTheWALAndTheWriterNoLongerDoes() async throws {
        let (directory, database) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try database.checkpointInBackground()
        #expect(try await Self.autocheckpoint(database) == 0)
        try await Self.issue(database, 5)
        #expect(try Self.ticketsInTheFileAlone(directory) == 0, "the tickets are only in the WAL until a checkpoint")
        try await database.checkpointPassively()
        #expect(try Self.ticketsInTheFileAlone(directory) == 5)

        try database.stopBackgroundCheckpoints()
        #expect(try await Self.autocheckpoint(database) == 1000)
        try await database.checkpointPassively()  // nothing to do once stopped
        try database.close()
        #expect(try Self.walBytes(directory) == 0)
    }

    @Test func aStoreFilePutBackGetsItsOwnCheckpointer() async throws {
        let (directory, database) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        try database.checkpointInBackground()
        try await Self.issue(database, 2)
        for name in ["khongcho.sqlite", "khongcho.sqlite-wal", "khongcho.sqlite-shm"] {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        await database.verifyFile()  // puts the file back from the open connection, with a new pool
        #expect(try await Self.autocheckpoint(database) == 0)
        try await Self.issue(database, 3)
        try await database.checkpointPassively()
        #expect(try Self.ticketsInTheFileAlone(directory) == 5)
        try database.close()
    }

    @Test func closingWhileCheckpointsRunInTheBackgroundLeavesTheWALEmpty() async throws {
        let (directory, database) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        try database.checkpointInBackground()
        try await Self.issue(database, 4)
        try database.close()
        try database.stopBackgroundCheckpoints()  // what the service does after: harmless on a closed store
        #expect(try Self.ticketsInTheFileAlone(directory) == 4)
        #expect(try Self.walBytes(directory) == 0)
    }
}
