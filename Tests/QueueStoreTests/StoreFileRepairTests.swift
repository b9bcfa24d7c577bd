import Foundation
import GRDB
import KioskTesting
import NIOConcurrencyHelpers
import QueueCore
import QueueStore
import Testing

/// The database file deleted or replaced under a running store: put back from the open connection, no number
/// handed out twice (a restart included); when it cannot be put back, the store stops and refuses to reopen.
@Suite("Store file deleted or replaced while running")
struct StoreFileRepairTests {
    static let now = ManualClock.vietnamDate("2026-03-02 08:00")

    /// The notices a store sent, in order.
    final class Notices: Sendable {
        private let list = NIOLockedValueBox<[StoreFileNotice]>([])

        init(_ database: AppDatabase) {
            database.onFileNotice { [self] notice in self.list.withLockedValue { $0.append(notice) } }
        }

        var all: [StoreFileNotice] { list.withLockedValue { $0 } }
    }

    static func store() async throws -> (URL, AppDatabase) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        let database = try AppDatabase.open(directory: directory)
        try database.seedCatalogIfEmpty(CatalogBuilder.small())
        for _ in 0..<2 { _ = try await database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: now) }
        return (directory, database)
    }

    static func issue(_ database: AppDatabase) async throws -> String {
        try await database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: now).ticket.label
    }

    static func remove(_ directory: URL, _ names: [String]) throws {
        for name in names { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
    }

    @Test func aDeletedFileIsPutBackBeforeTheNextTicket() async throws {
        let (directory, database) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notices = Notices(database)
        try Self.remove(directory, ["khongcho.sqlite", "khongcho.sqlite-wal", "khongcho.sqlite-shm"])
        #expect(try await Self.issue(database) == "A003")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("khongcho.sqlite").path))
        #expect(notices.all.map(\.kind) == [.restored])
        #expect(notices.all.first?.message.contains("bị xoá") == true)
        // Another connection (a restart) sees every number, and goes on after them.
        let restarted = try AppDatabase.open(directory: directory, checkIntegrity: true)
        #expect(try await Self.issue(restarted) == "A004")
        #expect(try await Self.issue(database) == "A005")
    }

    @Test func aReplacedFileIsMovedAsideAndTheStoreIsPutBack() async throws {
        let (directory, database) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let foreign = directory.appendingPathComponent("other.sqlite")
        let queue = try DatabaseQueue(path: foreign.path)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE somethingElse (x); INSERT INTO somethingElse VALUES (42)") }
        try queue.close()
        #expect(rename(foreign.path, directory.appendingPathComponent("khongcho.sqlite").path) == 0)
        await database.verifyFile()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let aside = try #require(names.first { $0.hasPrefix("khongcho.sqlite.replaced-") })
        #expect(!names.contains(aside + "-wal"))
        let kept = try DatabaseQueue(path: directory.appendingPathComponent(aside).path)
        #expect(try await kept.read { db in try Int.fetchOne(db, sql: "SELECT x FROM somethingElse") } == 42)
        try kept.close()
        #expect(try await Self.issue(database) == "A003")
        let restarted = try AppDatabase.open(directory: directory, checkIntegrity: true)
        #expect(try await Self.issue(restarted) == "A004")
    }

    @Test func aFileThatCannotBePutBackStopsTheStoreAndRefusesTheNextStart() async throws {
        let (directory, database) = try await Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notices = Notices(database)
        // A directory where the copy must go: the copy cannot be written.
        let blocker = directory.appendingPathComponent("khongcho.sqlite.restoring/keep")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Self.remove(directory, ["khongcho.sqlite"])
        do {
            _ = try await Self.issue(database)
            Issue.record("no number may be taken from a file that is gone")
        } catch let error as StoreError {
            #expect(error.code == .fileLost)
        }
        #expect(notices.all.map(\.kind) == [.halted])
        // The running data was copied to the temporary directory, and the copy holds both numbers.
        let temporary = FileManager.default.temporaryDirectory
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).first { $0.hasPrefix("khongcho-rescued-\(getpid())-") })
        let rescued = temporary.appendingPathComponent(name).path
        defer { try? FileManager.default.removeItem(atPath: rescued) }
        #expect(notices.all.first?.messageEn.contains(rescued) == true)
        let copy = try DatabaseQueue(path: rescued)
        #expect(try await copy.read { db in try String.fetchAll(db, sql: "SELECT label FROM ticket ORDER BY id") } == ["A001", "A002"])
        try copy.close()
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("khongcho.sqlite.lost").path))
        #expect(throws: StoreError.self) { try AppDatabase.open(directory: directory) }
    }
}
