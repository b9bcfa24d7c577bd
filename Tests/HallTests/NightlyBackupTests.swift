import Foundation
import Hall
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Testing

@Suite("Nightly backup")
struct NightlyBackupTests {
    static func day(_ text: String) -> String { BackupSchedule.fileName(day: text) }

    @Test func theBackupTimeIsParsedStrictly() {
        #expect(BackupSchedule(time: "21:00", keepDaily: 14, keepMonthly: 12) == BackupSchedule())
        #expect(BackupSchedule(time: "06:30", keepDaily: 1, keepMonthly: 0)?.minute == 30)
        for bad in ["21", "9:00", "24:00", "21:60", "21:00:00", "ab:cd", ""] {
            #expect(BackupSchedule(time: bad, keepDaily: 14, keepMonthly: 12) == nil, "\(bad)")
        }
    }

    @Test func aBackupIsDueOnceTheHallHasClosed() {
        let schedule = BackupSchedule()
        #expect(schedule.dueDay(at: ManualClock.vietnamDate("2026-03-02 20:59")) == nil)
        #expect(schedule.dueDay(at: ManualClock.vietnamDate("2026-03-02 21:00")) == "2026-03-02")
        #expect(schedule.dueDay(at: ManualClock.vietnamDate("2026-03-02 23:59")) == "2026-03-02")
        #expect(schedule.dueDay(at: ManualClock.vietnamDate("2026-03-03 00:10")) == nil)
    }

    /// 40 nightly backups from 2026-01-01 to 2026-02-09, keeping 14 days and 2 months: 27 January → 9 February,
    /// plus 1 January (the first of January); February's first (1 February) is already among the 14 days.
    @Test func retentionKeepsTheNewestDaysAndTheFirstOfEachMonth() throws {
        let start = try #require(DayKey(iso: "2026-01-01"))
        let names = (0..<40).map { Self.day(start.adding(days: $0).iso) } + ["manual-copy.sqlite", "khongcho-notes.sqlite"]
        let expired = BackupSchedule(keepDaily: 14, keepMonthly: 2).expired(among: names.shuffled())
        let kept = Set(names).subtracting(expired)
        let expectedDays = ["2026-01-01"] + (0..<14).map { start.adding(days: 26 + $0).iso }
        #expect(kept == Set(expectedDays.map(Self.day) + ["manual-copy.sqlite", "khongcho-notes.sqlite"]))
        #expect(expired.count == 25)
    }

    @Test func theNightlyBackupIsWrittenOnceAndOldOnesArePruned() async throws {
        let hall = try await TestHall(start: "2026-03-02 20:00")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-backups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for old in ["2026-02-25", "2026-02-26", "2026-02-27"] { try Data().write(to: directory.appendingPathComponent(Self.day(old))) }
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let alerts = AlertMonitor(
            database: hall.database, targets: TargetsBook(), clock: hall.clock, events: HallEventHub(database: hall.database))
        let backup = NightlyBackup(
            database: hall.database, directory: directory, schedule: BackupSchedule(keepDaily: 2, keepMonthly: 0), alerts: alerts,
            clock: hall.clock, logger: Logger(label: "test"))
        #expect(await backup.backUpIfDue() == nil)  // 20:00: the hall is still open
        hall.clock.set(ManualClock.vietnamDate("2026-03-02 21:01"))
        guard case .succeeded(let summary, _) = await backup.backUpIfDue() else {
            Issue.record("the backup was due")
            return
        }
        #expect(summary.tickets == 1)
        #expect(await backup.backUpIfDue() == nil)  // once a day
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == [Self.day("2026-02-27"), Self.day("2026-03-02")])
        #expect(alerts.current.isEmpty)
    }

    @Test func aFailedBackupRaisesAnAlertUntilOneSucceeds() async throws {
        let hall = try await TestHall(start: "2026-03-02 21:30")
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kc-backups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let directory = parent.appendingPathComponent("backups")
        try Data("not a directory".utf8).write(to: directory)  // the backups directory cannot be made
        let alerts = AlertMonitor(
            database: hall.database, targets: TargetsBook(), clock: hall.clock, events: HallEventHub(database: hall.database))
        let backup = NightlyBackup(
            database: hall.database, directory: directory, schedule: BackupSchedule(), alerts: alerts, clock: hall.clock,
            logger: Logger(label: "test"))
        guard case .failed = await backup.backUpIfDue() else {
            Issue.record("the backup must fail")
            return
        }
        let alert = try #require(alerts.current.first)
        #expect(alert.kind == .store)
        #expect(alert.message.hasPrefix("Sao lưu đêm 2026-03-02 không thành công"))
        #expect(alert.messageEn.hasPrefix("The nightly backup of 2026-03-02 failed"))
        try FileManager.default.removeItem(at: directory)
        guard case .succeeded = await backup.backUpIfDue() else {
            Issue.record("the retry must succeed")
            return
        }
        #expect(alerts.current.isEmpty)
    }
}
