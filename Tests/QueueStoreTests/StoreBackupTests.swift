import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// Online backups, their check, and restores that never hand a number out twice.
@Suite("Backup and restore")
struct StoreBackupTests {
    static let now = ManualClock.vietnamDate("2026-03-02 08:00")

    static func store() throws -> (URL, AppDatabase) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        let database = try AppDatabase.open(directory: directory)
        try database.seedCatalogIfEmpty(CatalogBuilder.small())
        return (directory, database)
    }

    static func issue(_ database: AppDatabase, _ count: Int, field: String = "dat-dai") async throws -> [String] {
        var labels: [String] = []
        for _ in 0..<count {
            labels.append(try await database.issueTicket(field: field, priority: .none, source: nil, at: now).ticket.label)
        }
        return labels
    }

    static func size(of file: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.int64Value ?? -1
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` on the store from a connection of its own: busy, WAL frames, checkpointed.
    static func resetWAL(of directory: URL) throws -> [Int] {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("khongcho.sqlite").path)
        let row = try queue.inDatabase { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        guard let row else { return [] }
        return [row[0], row[1], row[2]]
    }

    @Test func aBackupIsACheckedCopyTakenWhileTicketsIssue() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 3)
        let file = directory.appendingPathComponent("backups/one.sqlite")
        async let more = Self.issue(database, 20, field: "ho-tich")
        let summary = try await database.backup(to: file)
        _ = try await more
        #expect(summary.path == file.path)
        #expect(summary.tickets >= 3 && summary.tickets <= 23)
        #expect(summary.lastServiceDay == "2026-03-02")
        #expect(try AppDatabase.verifyBackup(file) == summary)
        // From another process's point of view (the `khongcho backup` command): every ticket so far.
        let second = try AppDatabase.backup(directory: directory, to: directory.appendingPathComponent("two.sqlite"))
        #expect(second.tickets == 23)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["one.sqlite"])
    }

    /// `khongcho backup` runs its copy and check paced (it rests between slices of work): the same backup, taken slower.
    @Test func aPacedBackupIsTheSameBackupWithRests() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 30)
        let pacing = StatementPacing(work: .zero, rest: .microseconds(10))
        let paced = try AppDatabase.backup(directory: directory, to: directory.appendingPathComponent("paced.sqlite"), pacing: pacing)
        let plain = try AppDatabase.backup(directory: directory, to: directory.appendingPathComponent("plain.sqlite"))
        #expect(paced.tickets == 30 && plain.tickets == 30)
        #expect(paced.lastServiceDay == plain.lastServiceDay)
        #expect(pacing.rests > 0, "\(pacing.rests)")
        let verified = StatementPacing(work: .zero, rest: .microseconds(10))
        #expect(try AppDatabase.verifyBackup(URL(fileURLWithPath: paced.path), pacing: verified) == paced)
        #expect(verified.rests > 0)
    }

    /// `khongcho backup` lowers its priority for the check alone (`beforeCheck`): by then the copy is whole and the
    /// hall's store is let go — nothing of it is held while the check waits for idle cores.
    @Test func theCheckStartsOnceTheCopyIsWholeAndTheStoreLetGo() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 40)
        let out = directory.appendingPathComponent("checked.sqlite")
        let partial = directory.appendingPathComponent(".checked.sqlite.partial")
        var copyBytes: Int64 = -1
        var named = true
        var checkpoint: Result<[Int], any Error> = .success([])
        let summary = try AppDatabase.backup(directory: directory, to: out) {
            copyBytes = Self.size(of: partial)
            named = FileManager.default.fileExists(atPath: out.path)
            checkpoint = Result { try Self.resetWAL(of: directory) }
        }
        #expect(copyBytes == summary.bytes && copyBytes > 0)
        #expect(!named)
        // A full checkpoint that resets the WAL answers busy = 1 while any connection reads a snapshot.
        #expect(try checkpoint.get().first == 0, "wal_checkpoint(TRUNCATE) answered \(checkpoint)")
        #expect(summary.tickets == 40)
    }

    /// The page copy runs in many paced steps over one snapshot: tickets issued between its steps neither restart it
    /// nor tear it, and the backup is one plain file (out of WAL mode, nothing beside it).
    @Test func aSteppedCopyKeepsItsSnapshotWhileTicketsIssueBetweenSteps() async throws {
        let (directory, database) = try Self.store()
        _ = try await database.generateReportHistory(tickets: 10_000, year: 2026, seed: 5, asOf: Self.now)
        let before = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") ?? 0 }
        let pages = try await database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        #expect(pages > 2 * 256, "the store should need several copy steps: \(pages) pages")
        let out = directory.appendingPathComponent("backups/stepped.sqlite")
        let pacing = StatementPacing(work: .zero, rest: .milliseconds(3))
        let backup = Task.detached { try AppDatabase.backup(directory: directory, to: out, pacing: pacing) }
        // The partial file appears once the snapshot is taken: tickets issued from then on must not be in the backup,
        // however the threads interleave (the loop goes on while the copy is checked and renamed).
        let partial = out.deletingLastPathComponent().appendingPathComponent(".stepped.sqlite.partial")
        var beforeTheCopy = 0
        while !FileManager.default.fileExists(atPath: partial.path), !FileManager.default.fileExists(atPath: out.path) {
            _ = try await Self.issue(database, 1)
            beforeTheCopy += 1
        }
        var afterTheSnapshot = 0
        repeat {
            _ = try await Self.issue(database, 1)
            afterTheSnapshot += 1
        } while !FileManager.default.fileExists(atPath: out.path)
        let summary = try await backup.value
        #expect(afterTheSnapshot >= 1)
        #expect(summary.tickets >= before && summary.tickets <= before + beforeTheCopy, "\(summary.tickets) of \(before)+\(beforeTheCopy)")
        let header = try FileHandle(forReadingFrom: out).readToEnd()?.subdata(in: 18..<20)
        #expect(header == Data([1, 1]), "a backup is a rollback-journal file, not WAL")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["stepped.sqlite"])
    }

    @Test func aBackupNeverOverwritesAFile() async throws {
        let (directory, database) = try Self.store()
        let file = directory.appendingPathComponent("precious.txt")
        try Data("keep me".utf8).write(to: file)
        await #expect(throws: StoreError.self) { try await database.backup(to: file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
    }

    @Test func verifyNamesWhatIsWrongWithTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let garbage = directory.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x5A, count: 4096).write(to: garbage)
        #expect { try AppDatabase.verifyBackup(garbage) } throws: { ($0 as? StoreError)?.code == .corruptDatabase }
        let foreign = directory.appendingPathComponent("foreign.sqlite")
        try DatabaseQueue(path: foreign.path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect { try AppDatabase.verifyBackup(foreign) } throws: {
            ($0 as? StoreError)?.messageEn.contains("not a KhôngChờ store") == true
        }
        #expect { try AppDatabase.verifyBackup(directory.appendingPathComponent("missing.sqlite")) } throws: {
            ($0 as? StoreError)?.code == .cannotOpen
        }
    }

    @Test func aRestoreContinuesAfterTheNumbersTheReplacedStoreHandedOut() async throws {
        let (directory, database) = try Self.store()
        #expect(try await Self.issue(database, 3) == ["A001", "A002", "A003"])
        let backup = directory.appendingPathComponent("backups/morning.sqlite")
        _ = try await database.backup(to: backup)
        #expect(try await Self.issue(database, 2) == ["A004", "A005"])
        try database.close()

        let summary = try AppDatabase.restore(directory: directory, from: backup, at: Self.now)
        #expect(summary.restored.tickets == 3)
        #expect(summary.replacedReadable)
        #expect(summary.countersRaised == 1)
        let aside = try #require(summary.replacedAside)
        #expect(aside.hasPrefix(directory.appendingPathComponent("khongcho.sqlite.replaced-").path))
        // The replaced store is kept whole: its five tickets are still there.
        #expect(try AppDatabase.verifyBackup(URL(fileURLWithPath: aside)).tickets == 5)

        let restored = try AppDatabase.open(directory: directory, checkIntegrity: true)
        #expect(try await Self.issue(restored, 1) == ["A006"])
        #expect(try await restored.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") } == 4)
    }

    /// A server on a training clock (`serve --now`) issues on its own day, which the restore's wall clock may have
    /// passed: that day's numbers are carried too.
    @Test func aRestoreDaysAfterTheStoresLastDayStillCarriesThatDaysNumbers() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 3)
        let backup = directory.appendingPathComponent("b.sqlite")
        _ = try await database.backup(to: backup)
        _ = try await Self.issue(database, 2)
        try database.close()

        let summary = try AppDatabase.restore(directory: directory, from: backup, at: ManualClock.vietnamDate("2026-03-05 08:00"))
        #expect(summary.countersRaised == 1)
        let restored = try AppDatabase.open(directory: directory, checkIntegrity: true)
        #expect(try await Self.issue(restored, 1) == ["A006"])
    }

    @Test func anUnreadableReplacedStoreLeavesTheBackupsNumbersAndIsKept() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 2)
        let backup = directory.appendingPathComponent("b.sqlite")
        _ = try await database.backup(to: backup)
        try database.close()
        let live = directory.appendingPathComponent("khongcho.sqlite")
        let garbage = Data(repeating: 0xA5, count: 8192)
        try garbage.write(to: live)
        try Data().write(to: URL(fileURLWithPath: live.path + ".lost"))

        let summary = try AppDatabase.restore(directory: directory, from: backup, at: Self.now)
        #expect(!summary.replacedReadable)
        #expect(try Data(contentsOf: URL(fileURLWithPath: try #require(summary.replacedAside))) == garbage)
        #expect(!FileManager.default.fileExists(atPath: live.path + ".lost"))
        let restored = try AppDatabase.open(directory: directory, checkIntegrity: true)
        #expect(try await Self.issue(restored, 1) == ["A003"])
    }

    @Test func aDamagedBackupIsNotRestoredAndTheStoreIsUntouched() async throws {
        let (directory, database) = try Self.store()
        _ = try await Self.issue(database, 2)
        try database.close()
        let live = directory.appendingPathComponent("khongcho.sqlite")
        let before = try Data(contentsOf: live)
        let damaged = directory.appendingPathComponent("damaged.sqlite")
        try Data(repeating: 1, count: 4096).write(to: damaged)
        #expect(throws: StoreError.self) { try AppDatabase.restore(directory: directory, from: damaged, at: Self.now) }
        #expect(try Data(contentsOf: live) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        }
        #expect(names.sorted() == ["damaged.sqlite", "khongcho.sqlite"])
    }
}
