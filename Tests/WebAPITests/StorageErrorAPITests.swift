import Foundation
import GRDB
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

/// A full disk answers 507 and a read-only store 503, in the API's error shape with what to do; the failed
/// write leaves nothing behind (no number taken, no half ticket). Real SQLite failures, also under root (where
/// chmod stops nothing): a tiny `max_page_count` fills the database, a read-only connection refuses writes.
@Suite("Storage errors over the API")
struct StorageErrorAPITests {
    static func pragma(_ hall: TestHall, _ sql: String) async throws {
        try await hall.database.writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    static func tickets(_ hall: TestHall) async throws -> [String] {
        try await hall.database.writer.read { db in try String.fetchAll(db, sql: "SELECT label FROM ticket ORDER BY id") }
    }

    static func error(_ response: TestResponse) throws -> [String: String] {
        try #require(try response.object()["error"] as? [String: String])
    }

    @Test func sqliteFailuresAreTypedStoreErrors() {
        #expect(StoreError(storage: DatabaseError(resultCode: .SQLITE_FULL))?.code == .diskFull)
        #expect(StoreError(storage: DatabaseError(resultCode: .SQLITE_READONLY))?.code == .readOnly)
        #expect(StoreError(storage: DatabaseError(resultCode: .SQLITE_CANTOPEN))?.code == .readOnly)
        #expect(StoreError(storage: DatabaseError(resultCode: .SQLITE_IOERR_WRITE))?.code == .ioError)
        #expect(StoreError(storage: DatabaseError(resultCode: .SQLITE_CONSTRAINT_UNIQUE)) == nil)
        #expect(StoreError(storage: QueueError.unknownField("x")) == nil)
    }

    @Test func aFullDiskAnswers507AndLosesNothing() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created)
            let pages = try await hall.database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
            try await Self.pragma(hall, "PRAGMA max_page_count = \(pages)")
            var full: TestResponse?
            var issued = 1
            for _ in 0..<500 {
                let response = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
                guard response.status == .created else {
                    full = response
                    break
                }
                issued += 1
            }
            let response = try #require(full)
            #expect(response.status.code == 507)
            let error = try Self.error(response)
            #expect(error["code"] == "storage_full")
            #expect(error["message"]?.contains("đầy") == true)
            #expect(error["messageEn"]?.contains("disk is full") == true)
            #expect(!(error["messageEn"] ?? "").contains("SQLITE"))
            // Nothing half-written: exactly the tickets that were answered 201, and the next one follows them.
            #expect(try await Self.tickets(hall).count == issued)
            try await Self.pragma(hall, "PRAGMA max_page_count = 1000000")
            let next = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(try next.object()["number"] as? String == TicketLabel.make(prefix: "A", number: issued + 1))
        }
    }

    /// A store opened read-only (as a read-only mount or directory leaves it): SQLite's own SQLITE_READONLY.
    @Test func aReadOnlyStoreAnswers503AndLosesNothing() async throws {
        let hall = try await TestHall()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let writable = try AppDatabase.open(directory: directory)
        try writable.seedCatalogIfEmpty(CatalogBuilder.small())
        _ = try await writable.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        var configuration = Configuration()
        configuration.readonly = true
        let readOnly = try AppDatabase(
            DatabaseQueue(path: directory.appendingPathComponent("khongcho.sqlite").path, configuration: configuration))
        try await withAPI(hall, kiosk: KioskApp(database: readOnly, settings: hall.settings, clock: hall.clock)) { client in
            let issue = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(issue.status == .serviceUnavailable)
            let error = try Self.error(issue)
            #expect(error["code"] == "storage_read_only")
            #expect(error["message"]?.contains("chỉ đọc") == true)
            #expect(error["messageEn"]?.contains("read-only") == true)
            #expect(!(error["messageEn"] ?? "").contains("SQLITE"))
            // Reads still work.
            let fields = try await client.json("/api/v1/fields").array()
            #expect(fields.first?["waiting"] as? Int == 1)
        }
        // Nothing was written or taken: the next number, once writable, follows the stored one.
        #expect(try await writable.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.label == "A002")
    }
}
