public import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// A backup file that passed its checks: what `khongcho backup` prints.
public struct BackupSummary: Sendable, Equatable {
    public let path: String
    public let bytes: Int64
    public let tickets: Int
    /// The latest service day with a ticket in it, nil for a store without tickets.
    public let lastServiceDay: String?
}

/// Online, consistent copies of the store. SQLite's backup API copies the pages of one read snapshot of the WAL
/// database while tickets keep being issued (never a file copy, which can catch a half-written page). It was
/// `VACUUM INTO` until 2026-12: that rebuilds every table and index — 3.4 s of one core for a year of 1M tickets
/// against 0.9 s for the page copy — and the hall's issue paid for it. The copy is written beside its destination
/// under a temporary name, checked with `PRAGMA integrity_check`, then renamed: a destination is either a whole,
/// sound backup or nothing.
extension AppDatabase {
    /// Backs the running store up to `destination` (which must not exist yet).
    public func backup(to destination: URL) async throws -> BackupSummary {
        let partial = try Self.prepareDestination(destination)
        do {
            try await writer.read { db in try Self.copyPages(of: db, into: partial, pacing: nil) }
            return try await Self.offCooperativePool { try Self.seal(partial, as: destination) }
        } catch {
            Self.discard(partial)
            throw error
        }
    }

    /// Backs up the store in `directory` from another process (`khongcho backup` while `serve` runs), through a
    /// read-only connection: the store itself is never written. With `pacing`, the copy and its check run paced.
    /// `beforeCheck` runs on the calling thread once the copy is whole and the store's snapshot released, before the
    /// check (`khongcho backup` lowers the thread's priority there: see `BackupCommand.yieldToTheHall`).
    public static func backup(
        directory: URL, to destination: URL, pacing: StatementPacing? = nil, beforeCheck: () -> Void = {}
    ) throws -> BackupSummary {
        let path = directory.appendingPathComponent(StoreFile.name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .cannotOpen, "Không có cơ sở dữ liệu \(path) để sao lưu (kiểm tra --data).",
                "There is no database at \(path) to back up (check --data).")
        }
        let partial = try prepareDestination(destination)
        do {
            let queue = try readOnlyQueue(path)
            defer { try? queue.close() }
            try queue.read { db in try copyPages(of: db, into: partial, pacing: pacing) }
            try queue.close()
            beforeCheck()
            return try seal(partial, as: destination, pacing: pacing)
        } catch {
            discard(partial)
            throw error
        }
    }

    /// Checks a backup without touching it: SQLite, `PRAGMA integrity_check`, a KhôngChờ store this version can
    /// open. Throws `StoreError` (corrupt, newer schema, not ours) with what to do.
    public static func verifyBackup(_ file: URL, pacing: StatementPacing? = nil) throws -> BackupSummary {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw StoreError(
                .cannotOpen, "Không có tệp sao lưu \(file.path).", "There is no backup file at \(file.path).")
        }
        do {
            let queue = try readOnlyQueue(file.path, pacing: pacing)
            defer { try? queue.close() }
            let problems = try queue.inDatabase { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard problems == ["ok"] else { throw StoreError.corrupt(path: file.path, detail: problems.prefix(5).joined(separator: "; ")) }
            try checkSchema(queue)
            let figures = try queue.read { db -> (Int, String?)? in
                guard try db.tableExists("ticket"), try db.tableExists("dailySequence") else { return nil }
                return (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket") ?? 0,
                    try String.fetchOne(db, sql: "SELECT MAX(serviceDay) FROM ticket")
                )
            }
            guard let figures else {
                throw StoreError(
                    .corruptDatabase, "\(file.path) là SQLite nhưng không phải dữ liệu KhôngChờ (thiếu bảng ticket).",
                    "\(file.path) is SQLite but not a KhôngChờ store (no ticket table).")
            }
            let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
            return BackupSummary(path: file.path, bytes: bytes, tickets: figures.0, lastServiceDay: figures.1)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.corrupt(path: file.path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Copies every page of `source` into a new file at `partial`, 256 pages (1 MiB) a step, resting between steps
    /// when paced. The steps all copy the one snapshot `source` holds: without it each step would take its own, and
    /// a ticket issued between two steps would restart the copy from the first page — at 500 tickets/s, forever.
    ///
    /// Each step's pages go to the file at once (no journal, a small cache) and are flushed to the disk before the
    /// next: a year's 317 MiB flushed in one fsync at the end held the server's WAL fsyncs behind it for 40 ms and
    /// more. The copy leaves WAL mode (a backup is one file, with no `-wal` or `-shm` beside it).
    static func copyPages(of source: Database, into partial: URL, pacing: StatementPacing?) throws {
        _ = try Int.fetchOne(source, sql: "SELECT COUNT(*) FROM sqlite_master")  // takes the snapshot now
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A partial copy that fails is deleted, so it needs no journal; durability comes from the flushes.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = 64")
        }
        let copy = try DatabaseQueue(path: partial.path, configuration: configuration)
        defer { try? copy.close() }  // the copy is closed either way; a failed close leaves only the partial file
        let descriptor = Glibc.open(partial.path, O_RDWR)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(
                .cannotOpen, "Không mở được \(partial.path) để ghi bản sao lưu (\(reason)).",
                "Cannot open \(partial.path) to write the backup (\(reason)).")
        }
        defer { Glibc.close(descriptor) }
        try copy.writeWithoutTransaction { target in
            try source.backup(to: target, pagesPerStep: 256) { _ in
                try StoreFile.check(fdatasync(descriptor), "fdatasync \(partial.path)")
                pacing?.step()
            }
            let mode = try String.fetchOne(target, sql: "PRAGMA journal_mode = DELETE")
            guard mode == "delete" else {
                throw StoreError(
                    .cannotOpen, "Bản sao lưu \(partial.path) không rời được chế độ WAL (\(mode ?? "?")).",
                    "The backup copy \(partial.path) could not leave WAL mode (\(mode ?? "?")).")
            }
        }
        try StoreFile.check(fsync(descriptor), "fsync \(partial.path)")
    }

    /// The temporary name beside `destination`, after checking that nothing would be overwritten.
    static func prepareDestination(_ destination: URL) throws -> URL {
        guard !FileManager.default.fileExists(atPath: destination.path) else {
            throw StoreError(
                .cannotOpen, "\(destination.path) đã tồn tại; bản sao lưu không ghi đè tệp nào, hãy chọn tên khác.",
                "\(destination.path) already exists; a backup never overwrites a file, choose another name.")
        }
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial")
        discard(partial)
        return partial
    }

    /// Checks the written copy, then gives it its name.
    static func seal(_ partial: URL, as destination: URL, pacing: StatementPacing? = nil) throws -> BackupSummary {
        let checked = try verifyBackup(partial, pacing: pacing)
        try FileManager.default.moveItem(at: partial, to: destination)
        try StoreFile.synchronize(destination.deletingLastPathComponent().path)  // the name is on the disk too
        return BackupSummary(path: destination.path, bytes: checked.bytes, tickets: checked.tickets, lastServiceDay: checked.lastServiceDay)
    }

    /// Runs blocking file work (the copy's integrity check reads every page) on a Dispatch thread, so the hall's
    /// few cooperative threads keep answering kiosks and printers while a large backup is checked.
    static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func discard(_ partial: URL) {
        // Nothing of value is lost here: the partial copy is an unfinished backup, never the store.
        try? FileManager.default.removeItem(at: partial)
    }
}
