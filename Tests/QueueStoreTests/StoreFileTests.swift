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
