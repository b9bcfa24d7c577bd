import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Store on disk")
struct StoreFileTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func walAndFullSynchronous() async throws {
        let directory = try temporaryDirectory()
        let database = try AppDatabase.open(directory: directory)
        let (mode, sync) = try await database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test func aCorruptFileIsRefusedAndLeftAlone() async throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("khongcho.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: file)
        do {
            _ = try AppDatabase.open(directory: directory)
            Issue.record("a corrupt store must not open")
        } catch let error as StoreError {
            #expect(error.code == .corruptDatabase)
            #expect(error.message.contains("bị hỏng"))
        }
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() async throws {
        let directory = try temporaryDirectory()
        _ = try AppDatabase.open(directory: directory)
        let file = directory.appendingPathComponent("khongcho.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-future')") }
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = try Data(contentsOf: file)
        do {
            _ = try AppDatabase.open(directory: directory)
            Issue.record("a newer store must not open")
        } catch let error as StoreError {
            #expect(error.code == .newerSchema)
        }
        let after = try Data(contentsOf: file)
        let diff = (0..<min(after.count, before.count)).filter { after[$0] != before[$0] }
        #expect(after == before, "sizes \(before.count) \(after.count) diff at \(diff.prefix(20))")
    }

    @Test func ticketsSurviveReopening() async throws {
        let directory = try temporaryDirectory()
        let now = ManualClock.vietnamDate("2026-03-02 08:00")
        do {
            let database = try AppDatabase.open(directory: directory)
            try database.seedCatalogIfEmpty(CatalogBuilder.small())
            _ = try await database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: now)
        }
        let reopened = try AppDatabase.open(directory: directory)
        #expect(try reopened.seedCatalogIfEmpty(CatalogBuilder.small()) == false)
        #expect(try await reopened.issueTicket(field: "dat-dai", priority: .none, source: nil, at: now).ticket.label == "A002")
    }
}

@Suite("Store integrity at start")
struct StoreIntegrityTests {
    /// Overwrites the b-tree page header of the ticket table's root page (found through `sqlite_schema.rootpage`
    /// and the page size), as a torn write or a bad sector would.
    static func destroyTicketRootPage(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let (root, pageSize) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'ticket'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            )
        }
        try queue.close()
        #expect(root > 1 && pageSize >= 512)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 12))
        try handle.synchronize()
        try handle.close()
    }

    static func storeWithTickets() async throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        let database = try AppDatabase.open(directory: directory)
        try database.seedCatalogIfEmpty(CatalogBuilder.small())
        for _ in 0..<3 {
            _ = try await database.issueTicket(
                field: "dat-dai", priority: .none, source: nil, at: ManualClock.vietnamDate("2026-03-02 08:00"))
        }
        // Everything into the main file, so the damage below is what a reader sees.
        try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return directory
    }

    @Test func aDestroyedTicketPageFailsTheStartCheckAndIsLeftAlone() async throws {
        let directory = try await Self.storeWithTickets()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("khongcho.sqlite")
        try Self.destroyTicketRootPage(file.path)
        let before = try Data(contentsOf: file)
        #expect(try !AppDatabase.quickCheck(path: file.path).isEmpty)
        do {
            _ = try AppDatabase.open(directory: directory, checkIntegrity: true)
            Issue.record("a store that fails quick_check must not open")
        } catch let error as StoreError {
            #expect(error.code == .corruptDatabase)
            #expect(error.message.contains(file.path))
            #expect(error.messageEn.contains("corrupt"))
        }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aSoundStorePassesTheStartCheck() async throws {
        let directory = try await Self.storeWithTickets()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try AppDatabase.quickCheck(path: directory.appendingPathComponent("khongcho.sqlite").path).isEmpty)
        let database = try AppDatabase.open(directory: directory, checkIntegrity: true)
        let next = try await database.issueTicket(
            field: "dat-dai", priority: .none, source: nil, at: ManualClock.vietnamDate("2026-03-02 08:00"))
        #expect(next.ticket.label == "A004")
    }
}
