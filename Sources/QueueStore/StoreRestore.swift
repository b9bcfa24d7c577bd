public import Foundation
import GRDB
import QueueCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `khongcho restore` did.
public struct RestoreSummary: Sendable {
    public let restored: BackupSummary
    /// Where the database that was replaced now lives (`khongcho.sqlite.replaced-<time>`), nil when there was none.
    public let replacedAside: String?
    /// Whether the replaced database could be read, so its day counters were carried over.
    public let replacedReadable: Bool
    /// Day counters (field and day, today or later) raised above what the backup knew.
    public let countersRaised: Int
}

/// Restoring a backup into a data directory whose server is stopped (the caller holds its lock).
///
/// The backup is copied beside the store and brought to this version's schema first. Every field's counter for
/// today and later days (from the replaced store's last day, when that is earlier) is then raised to the higher of
/// the backup's tickets and the replaced database's counters and tickets (when it can still be read), so no number
/// a citizen already holds is handed out again. Last, the replaced database gets a second name
/// (`khongcho.sqlite.replaced-<time>`, a hard link, so it is kept whole) and the copy is renamed over the store in
/// one step: at no moment is there no store, and a crash leaves either the old store or the new one.
extension AppDatabase {
    public static func restore(directory: URL, from backup: URL, at now: Date) throws -> RestoreSummary {
        let checked = try verifyBackup(backup)
        let live = directory.appendingPathComponent(StoreFile.name)
        let staging = directory.appendingPathComponent(".\(StoreFile.name).restoring")
        discard(staging)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try readOnlyQueue(backup.path)
        try source.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [staging.path]) }
        try source.close()
        do {
            let today = VietnamTime.serviceDay(of: now)
            let replaced = FileManager.default.fileExists(atPath: live.path) ? replacedCounters(live.path, from: today) : nil
            let raised = try carryCounters(into: staging.path, replaced: replaced?.counters ?? [], from: replaced?.from ?? today)
            let aside = try swapIn(staging, for: live, at: now)
            if FileManager.default.fileExists(atPath: live.path + ".lost") {
                try FileManager.default.removeItem(atPath: live.path + ".lost")  // the restore the marker asked for
            }
            return RestoreSummary(
                restored: BackupSummary(
                    path: live.path, bytes: checked.bytes, tickets: checked.tickets, lastServiceDay: checked.lastServiceDay),
                replacedAside: aside, replacedReadable: replaced != nil, countersRaised: raised)
        } catch {
            discard(staging)
            throw error
        }
    }

    /// One field's highest number of one day in the replaced database.
    struct DayCounter {
        let day: String
        let field: String
        let number: Int
    }

    /// The replaced store's counters and ticket numbers for `today` and later, with the day they start from, or nil
    /// when it cannot be read (its WAL is applied: no server holds the directory, and the file is being replaced
    /// anyway). A store whose last day is before `today` starts from that day instead: a server on a training clock
    /// (`serve --now`), or a box whose clock has moved on since, goes on issuing on that day, so its numbers must not
    /// be handed out again either.
    static func replacedCounters(_ path: String, from today: String) -> (from: String, counters: [DayCounter])? {
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                let lastDay = try String.fetchOne(db, sql: "SELECT MAX(serviceDay) FROM dailySequence")
                let day = min(today, lastDay ?? today)
                let counters = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT serviceDay, field, MAX(n) AS n FROM (
                          SELECT serviceDay, field, lastNumber AS n FROM dailySequence WHERE serviceDay >= ?1
                          UNION ALL
                          SELECT serviceDay, issuedField, MAX(number) FROM ticket WHERE serviceDay >= ?1 GROUP BY serviceDay, issuedField)
                        GROUP BY serviceDay, field
                        """, arguments: [day]
                ).map { DayCounter(day: $0["serviceDay"], field: $0["field"], number: $0["n"]) }
                return (day, counters)
            }
        } catch {
            return nil
        }
    }

    /// Brings the staged copy to this version's schema and raises its counters; returns how many were raised.
    static func carryCounters(into path: String, replaced: [DayCounter], from day: String) throws -> Int {
        let queue = try DatabaseQueue(path: path, configuration: durableConfiguration())
        defer { try? queue.close() }
        _ = try AppDatabase(queue)  // checks the schema and migrates
        return try queue.write { db in
            _ = try reconcileDayCounters(db, from: day)
            var raised = 0
            for counter in replaced {
                try db.execute(
                    sql: """
                        INSERT INTO dailySequence (serviceDay, field, lastNumber) VALUES (?, ?, ?)
                        ON CONFLICT (serviceDay, field) DO UPDATE SET lastNumber = excluded.lastNumber
                        WHERE excluded.lastNumber > lastNumber
                        """, arguments: [counter.day, counter.field, counter.number])
                raised += db.changesCount
            }
            return raised
        }
    }

    /// Keeps the live store as `khongcho.sqlite.replaced-<time>` (with its WAL, if one is left) and renames the
    /// staged copy over it.
    static func swapIn(_ staging: URL, for live: URL, at now: Date) throws -> String? {
        var aside: String?
        if FileManager.default.fileExists(atPath: live.path) {
            let name = live.path + ".replaced-" + fileStamp(now)
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: live.path + suffix) {
                try FileManager.default.moveItem(atPath: live.path + suffix, toPath: name + suffix)
            }
            guard link(live.path, name) == 0 else {
                throw StoreError(
                    .cannotOpen, "Không giữ được cơ sở dữ liệu cũ thành \(name) (\(String(cString: strerror(errno)))); chưa thay đổi gì.",
                    "Could not keep the old database as \(name) (\(String(cString: strerror(errno)))); nothing was changed.")
            }
            aside = name
        }
        guard rename(staging.path, live.path) == 0 else {
            throw StoreError(
                .cannotOpen, "Không đặt được bản khôi phục vào \(live.path) (\(String(cString: strerror(errno)))).",
                "Could not put the restored copy in place at \(live.path) (\(String(cString: strerror(errno)))).")
        }
        return aside
    }

    /// `20261205T113000Z`: a time for file names (UTC, no colons).
    static func fileStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
