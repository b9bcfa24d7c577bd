public import Foundation
import GRDB
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's file on disk, watched. The device and inode opened at start are compared with what the path
/// names now (`verify`: every 2 s from the hall, and before each ticket), so a file deleted or replaced while the
/// server runs is noticed before it costs a number. It is put back from the open connection: `VACUUM INTO` a copy
/// beside it (writes wait meanwhile, then the old connections refuse writes), the old connections closed, a
/// foreign file found at the path moved aside (never deleted), the copy renamed into place and reopened — every
/// number handed out stays known, a restart included. If that fails, the store stops (every request answers
/// 503) and leaves `khongcho.sqlite.lost`, which refuses the next start until an operator has restored the data:
/// a fresh, empty file would hand out the day's numbers again.
final class StoreFile: Sendable {
    static let name = "khongcho.sqlite"

    /// A file's device and inode: what `stat` says the path names.
    struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    let directory: URL
    let path: String
    private let opened: NIOLockedValueBox<Identity?>
    private let stopped = NIOLockedValueBox<StoreError?>(nil)
    private let healing = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let listeners = NIOLockedValueBox<[@Sendable (StoreFileNotice) -> Void]>([])

    init(directory: URL) {
        self.directory = directory
        path = directory.appendingPathComponent(Self.name).path
        opened = NIOLockedValueBox(Self.identity(of: path))
    }

    /// `DIR/khongcho.sqlite.lost`: left when the file could not be put back; refuses the next start.
    var markerPath: String { path + ".lost" }

    /// Set once the file was lost and could not be put back: the store answers every request with it.
    var halted: StoreError? { stopped.withLockedValue { $0 } }

    /// Calls `listener` when the file was put back or the store stopped (the hall raises an alert).
    func onNotice(_ listener: @escaping @Sendable (StoreFileNotice) -> Void) {
        listeners.withLockedValue { $0.append(listener) }
    }

    /// What `path` names now: nil when nothing is there; the opened identity when `stat` fails otherwise (an
    /// unreadable directory is not evidence of a replaced file).
    func currentIdentity() -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : opened.withLockedValue { $0 }
        }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// True when the path no longer names the file the store has open (deleted, or replaced by another file).
    var hasMoved: Bool {
        guard let opened = opened.withLockedValue({ $0 }) else { return false }
        return currentIdentity() != opened
    }

    /// Checks the path (a `stat`, a few microseconds) and, if the file moved, puts it back before returning;
    /// concurrent callers wait for the same repair.
    func verify(_ database: AppDatabase) async {
        guard hasMoved, halted == nil else { return }
        let task = healing.withLockedValue { running in
            if let running { return running }
            let task = Task { await self.heal(database) }
            running = task
            return task
        }
        await task.value
        healing.withLockedValue { if $0 == task { $0 = nil } }
    }

    private func heal(_ database: AppDatabase) async {
        guard hasMoved, halted == nil, let pool = database.currentWriter as? DatabasePool else { return }
        let replaced = currentIdentity() != nil
        let copy = path + ".restoring"
        do {
            try Self.remove(copy)
            try await pool.barrierWriteWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [copy])
                // Anything these connections took from now on would be lost with them: they refuse writes.
                try db.execute(sql: "PRAGMA query_only = 1")
            }
            try Self.synchronize(copy)
        } catch {
            halt(because: error, replaced: replaced, copy: await rescue(pool))
            return
        }
        do {
            // Closing first: a closing connection may checkpoint into and delete `-wal` and `-shm` by name, which
            // must never be the reopened file's.
            try database.closeCheckpointer()
            try pool.close()
            let aside = try moveAside()
            try Self.check(rename(copy, path), "rename \(copy)")
            try Self.synchronize(directory.path)
            try database.replaceWriter(try DatabasePool(path: path, configuration: AppDatabase.durableConfiguration()))
            opened.withLockedValue { $0 = Self.identity(of: path) }
            notify(StoreFileNotice(restoredAt: path, replaced: replaced, aside: aside))
        } catch {
            halt(because: error, replaced: replaced, copy: copy)
        }
    }

    /// Moves whatever now sits at the path aside: a foreign database as `khongcho.sqlite.replaced-N` (returned), and
    /// the `-wal` left by the closed connections as `khongcho.sqlite-wal.stale-N` — never as the foreign file's
    /// `-wal`, which SQLite would replay into it. Its content is in the copy. The `-shm` is only an index: removed.
    private func moveAside() throws -> String? {
        let stamp = Int(Date().timeIntervalSince1970)
        var moved: String?
        if FileManager.default.fileExists(atPath: path) {
            moved = path + ".replaced-\(stamp)"
            try Self.check(rename(path, path + ".replaced-\(stamp)"), "rename \(path)")
        }
        if FileManager.default.fileExists(atPath: path + "-wal") {
            try Self.check(rename(path + "-wal", path + "-wal.stale-\(stamp)"), "rename \(path)-wal")
        }
        try Self.remove(path + "-shm")
        return moved
    }

    /// The file could not be put back: a copy into the temporary directory, if even that works.
    private func rescue(_ pool: DatabasePool) async -> String? {
        let rescue = FileManager.default.temporaryDirectory.appendingPathComponent(
            "khongcho-rescued-\(getpid())-\(Int(Date().timeIntervalSince1970)).sqlite"
        ).path
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [rescue]) }
            return rescue
        } catch {
            return nil
        }
    }

    private func halt(because error: any Error, replaced: Bool, copy: String?) {
        let lost = StoreError.fileLost(path: path, replaced: replaced, copy: copy, cause: "\(error)")
        stopped.withLockedValue { $0 = lost }
        var notice = StoreFileNotice(halted: lost)
        do {
            try Data(lost.description.utf8).write(to: URL(fileURLWithPath: markerPath), options: .atomic)
        } catch {
            notice.messageEn += " The marker \(markerPath) could not be written (\(error)): do not restart before restoring."
        }
        notify(notice)
    }

    private func notify(_ notice: StoreFileNotice) {
        for listener in listeners.withLockedValue({ $0 }) { listener(notice) }
    }

    /// Refuses to open a store whose file was lost on a previous run, until the operator removes the marker.
    static func refuseIfLost(directory: URL) throws {
        let path = directory.appendingPathComponent(name).path
        let markerPath = path + ".lost"
        guard FileManager.default.fileExists(atPath: markerPath) else { return }
        let detail = (try? String(contentsOfFile: markerPath, encoding: .utf8)) ?? ""
        throw StoreError(
            .fileLost,
            """
            Không mở dữ liệu: lần chạy trước tệp \(path) bị xoá hoặc bị thay và không khôi phục được (\(markerPath)). \
            Hãy khôi phục bản sao lưu gần nhất (khongcho restore --data \(directory.path) --from TỆP), rồi xoá \(markerPath).
            """,
            """
            Refusing to open: on the last run \(path) was deleted or replaced and could not be put back. Restore the last \
            good backup (khongcho restore --data \(directory.path) --from FILE), then delete \(markerPath).
            """ + (detail.isEmpty ? "" : "\n\(detail)"))
    }

    private static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw posixError("unlink \(path)") }
    }

    /// fsync: the copy (or the directory entry naming it) is on the disk before it replaces anything.
    static func synchronize(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw posixError("open \(path)") }
        defer { close(descriptor) }
        try check(fsync(descriptor), "fsync \(path)")
    }

    static func check(_ result: Int32, _ what: String) throws {
        if result != 0 { throw posixError(what) }
    }

    private static func posixError(_ what: String) -> any Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}

/// What happened to the store's file while running: put back, or lost (the store stopped). Raised as a hall alert.
public struct StoreFileNotice: Sendable {
    /// Put back from the open connection, or lost.
    public enum Kind: String, Sendable {
        case restored, halted
    }

    public var kind: Kind
    public var message: String
    public var messageEn: String
    public var at: Date

    init(restoredAt path: String, replaced: Bool, aside: String?) {
        kind = .restored
        at = Date()
        let what = replaced ? "bị thay bằng tệp khác" : "bị xoá"
        let whatEn = replaced ? "was replaced by another file" : "was deleted"
        message =
            "Tệp dữ liệu \(path) \(what) khi máy chủ đang chạy; đã khôi phục từ bản đang mở, không mất số nào."
            + (aside.map { " Tệp lạ được để riêng: \($0)." } ?? "") + " Hãy tìm xem ai/cái gì đã làm việc này."
        messageEn =
            "The database \(path) \(whatEn) while the server was running; it was put back from the open copy, no number lost."
            + (aside.map { " The other file was kept as \($0)." } ?? "") + " Find out what did this."
    }

    init(halted error: StoreError) {
        kind = .halted
        at = Date()
        message = error.message
        messageEn = error.messageEn
    }
}

extension StoreError {
    static func fileLost(path: String, replaced: Bool, copy: String?, cause: String) -> StoreError {
        let what = replaced ? "bị thay bằng tệp khác" : "bị xoá"
        let whatEn = replaced ? "was replaced by another file" : "was deleted"
        return StoreError(
            .fileLost,
            "Tệp dữ liệu \(path) \(what) khi máy chủ đang chạy và không khôi phục được; đã ngừng cấp số để không cấp trùng. "
                + (copy.map { "Bản chép dữ liệu đang chạy: \($0). " } ?? "Không chép được dữ liệu đang chạy. ")
                + "Hãy dừng máy chủ, khôi phục dữ liệu (khongcho restore) rồi khởi động lại.",
            "The database \(path) \(whatEn) while the server was running and could not be put back; ticket issuing stopped so "
                + "no number is given twice. "
                + (copy.map { "Copy of the running data: \($0). " } ?? "The running data could not be copied. ")
                + "Stop the server, restore the data (khongcho restore), then start again. Cause: \(cause)")
    }
}
