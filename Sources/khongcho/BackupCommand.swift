import ArgumentParser
import Foundation
import QueueCore
import QueueStore

/// `khongcho backup`: an online, checked copy of the store while `serve` runs (SQLite's backup API over one
/// snapshot, then `PRAGMA integrity_check`), or `--verify FILE` to check a backup without restoring it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu dữ liệu khi máy chủ đang chạy, hoặc kiểm tra một bản sao lưu / back up the store online, or verify a backup.")

    @Option(help: "Thư mục dữ liệu / data directory.") var data: String?
    @Option(help: "Tệp sao lưu sẽ tạo (không ghi đè) / backup file to create (never overwritten).") var out: String?
    @Option(help: "Kiểm tra tệp sao lưu này, không khôi phục / check this backup without restoring it.") var verify: String?

    func validate() throws {
        if verify != nil {
            guard data == nil, out == nil else {
                throw ValidationError("--verify FILE đứng một mình / --verify FILE takes no other option.")
            }
        } else {
            guard data != nil, out != nil else {
                throw ValidationError(
                    "Cần --data DIR và --out FILE (hoặc --verify FILE) / give --data DIR and --out FILE (or --verify FILE).")
            }
        }
    }

    func run() throws {
        Self.yieldToTheHall()
        let share = SessionShare.lower()
        defer { share.restore() }
        do {
            if let verify {
                Self.checkAtIdlePriority()
                let summary = try AppDatabase.verifyBackup(URL(fileURLWithPath: verify), pacing: StatementPacing())
                print("Bản sao lưu tốt / backup is sound: \(summary.line)")
                return
            }
            let started = ContinuousClock.now
            let summary = try AppDatabase.backup(
                directory: URL(fileURLWithPath: data ?? ""), to: URL(fileURLWithPath: out ?? ""), pacing: StatementPacing(),
                beforeCheck: Self.checkAtIdlePriority)
            print(
                "Đã sao lưu / backed up in \(started.duration(to: .now).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))): \(summary.line)"
            )
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("\(error.message)\n\(error.messageEn)\n".utf8))
            throw ExitCode(error.code == .corruptDatabase || error.code == .newerSchema ? 65 : 1)
        }
    }
}

extension BackupCommand {
    /// A backup is never urgent and `serve` on the same small box is: this process copies and checks at nice 19 and
    /// paced (`StatementPacing`), so the hall's issue and calls keep their cores (the copy takes longer when they are
    /// busy). Set on the calling thread before any other starts — Linux keeps it per thread, and new threads inherit
    /// it — and SQLite runs its copy on this thread. (`SCHED_IDLE` starved the copy under a rush: 20 s and more.)
    static func yieldToTheHall() {
        CPUPriority.nice(19)
    }

    /// The check reads the copy, not the store: it holds no snapshot of the hall's database, so it may wait for idle
    /// cores as long as it takes (`SCHED_IDLE`, this thread only). Measured with 500 tickets/s issued beside it on the
    /// 2-core box, over a year's copy: issue p99 during the check 6.0–6.6 ms at nice 19, 4.7–5.5 ms at `SCHED_IDLE`
    /// (2.7–4.0 ms with nothing beside it, 5.1–5.5 ms beside a do-nothing busy loop at `SCHED_IDLE`).
    static func checkAtIdlePriority() {
        CPUPriority.idle()
    }
}

extension BackupSummary {
    /// `/path (12.3 MB, 1,000,000 tickets, last day 2026-12-04)`.
    var line: String {
        let megabytes = String(format: "%.1f MB", Double(bytes) / 1_000_000)
        let last = lastServiceDay.map { ", ngày cuối / last day \($0)" } ?? ""
        return "\(path) (\(megabytes), \(tickets) phiếu / tickets\(last))"
    }
}
