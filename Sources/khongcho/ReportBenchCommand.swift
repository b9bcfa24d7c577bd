import ArgumentParser
import DeviceIO
import Foundation
import Hall
import QueueCore
import QueueStore
import WebAPI

/// `khongcho report-bench [--tickets 1000000] [--data DIR]`: fills a fresh store with a seeded synthetic
/// reporting year and times the year report over it (the issue's "a year over 1,000,000 tickets in under 1 s").
struct ReportBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report-bench",
        abstract: "Đo thời gian báo cáo năm trên dữ liệu tổng hợp / time the year report on a generated history.")

    @Option(help: "Số phiếu tổng hợp / tickets to generate.") var tickets = 1_000_000
    @Option(help: "Thư mục dữ liệu mới (mặc định: thư mục tạm) / a fresh data directory (default: a temporary one).")
    var data: String?
    @Option(help: "Năm báo cáo / reporting year (15/12 of the year before → 14/12).") var year = 2026
    @Option(help: "Số lần đo / report runs to time.") var runs = 5
    @Option(help: "Hạt giống / random seed.") var seed: UInt64 = 1
    @Option(help: "Thư mục assets (catalog.json) / assets directory.") var assets = InstallPaths.assets

    func run() async throws {
        guard tickets > 0, runs > 0 else { throw ValidationFailure("--tickets và --runs phải > 0 / must be positive.") }
        let directory =
            data.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("khongcho-report-bench-\(getpid())")
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("khongcho.sqlite").path) {
            throw ValidationFailure("\(directory.path) đã có dữ liệu; cần thư mục mới / already holds a store: pass a fresh --data.")
        }
        let database = try AppDatabase.open(directory: directory)
        // A temporary store (317 MiB for a year) is removed at the end, whatever happened; one named by --data stays.
        defer { if data == nil { Self.remove(directory, closing: database) } }
        try database.seedCatalogIfEmpty(try CatalogFile.load(URL(fileURLWithPath: assets).appendingPathComponent("catalog.json")))
        // Generated history is not a real hall's: the store is a training one (served with `--now`, reports say so).
        try await database.claimUse(training: true, at: Date())
        let period = try ReportPeriod(parsing: "year:\(year)")
        // History is generated for past days only (never today or later, which `serve` would issue again).
        let asOf = min(period.last.adding(days: 1).date(atMinute: 8 * 60), Date())
        let clock = ContinuousClock()
        var written = (tickets: 0, ratings: 0, dossiers: 0)
        let generation = try await clock.measure {
            written = try await database.generateReportHistory(tickets: tickets, year: year, seed: seed, asOf: asOf)
        }
        print("Dữ liệu / store: \(directory.path)\(data == nil ? " (tạm, xoá khi xong / temporary, removed at the end)" : "")")
        print(
            "Sinh dữ liệu / generated \(written.tickets) tickets, \(written.ratings) ratings, \(written.dossiers) dossiers in \(Self.seconds(generation))"
        )
        let targets = ReportTargets(catalog: try await database.catalog(), service: ServiceTargets())
        var times: [Duration] = []
        var report: PeriodReport?
        for _ in 0..<runs {
            let elapsed = try await clock.measure {
                report = try await database.report(period: period, targets: targets, asOf: asOf)
            }
            times.append(elapsed)
        }
        // The first run counts every ticket and stores each closed day's tallies; later runs merge the stored days.
        let first = times[0]
        var warm = Array(times.dropFirst())
        warm.sort()
        print(
            "Báo cáo năm, lần đầu (đếm từng phiếu, lưu tổng hợp ngày) / year report, first run (counts every ticket, stores day tallies): \(Self.seconds(first))"
        )
        if !warm.isEmpty {
            print(
                "Báo cáo năm / year report (\(period.text), \(warm.count) later runs): p50 \(Self.seconds(warm[(warm.count - 1) / 2])), max \(Self.seconds(warm[warm.count - 1]))"
            )
        }
        if let total = report?.figures.total {
            print("  issued \(total.issued), served \(total.served), ratings \(total.ratings), promises due \(total.promisesDue)")
        }
        print("RSS: \(Self.memory("VmRSS")), peak / đỉnh \(Self.memory("VmHWM"))")
        try timeQuickCheck(directory: directory, tickets: written.tickets)
        try timeBackup(directory: directory)
    }

    /// Closes the store and deletes its temporary directory; a failure is reported (the directory is left behind).
    static func remove(_ directory: URL, closing database: AppDatabase) {
        do {
            try database.close()
            try FileManager.default.removeItem(at: directory)
        } catch {
            FileHandle.standardError.write(
                Data("Không xoá được / could not remove \(directory.path): \(error); xoá bằng tay / remove it by hand.\n".utf8))
        }
    }

    /// `khongcho backup` of this history (page copy of one snapshot beside it, integrity_check, rename; unpaced), then removed.
    func timeBackup(directory: URL) throws {
        let file = directory.appendingPathComponent("bench-backup.sqlite")
        var summary: BackupSummary?
        let elapsed = try ContinuousClock().measure { summary = try AppDatabase.backup(directory: directory, to: file) }
        try FileManager.default.removeItem(at: file)
        print(
            "Sao lưu / backup (page copy + integrity_check, unpaced, \(summary?.tickets ?? 0) tickets, "
                + "\((summary?.bytes ?? 0) / 1_048_576) MiB): \(Self.seconds(elapsed))")
    }

    /// `serve` runs `PRAGMA quick_check` before it opens the store: how long that takes on this history.
    func timeQuickCheck(directory: URL, tickets: Int) throws {
        let path = directory.appendingPathComponent("khongcho.sqlite").path
        var problems: [String] = []
        let elapsed = try ContinuousClock().measure { problems = try AppDatabase.quickCheck(path: path) }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { "\($0 / 1_048_576) MiB" } ?? "?"
        print(
            "Kiểm tra toàn vẹn khi khởi động / start-up PRAGMA quick_check (\(tickets) tickets, \(size)): \(Self.seconds(elapsed))"
                + (problems.isEmpty ? ", ok" : ", \(problems.count) problems: \(problems.prefix(3))"))
    }

    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let value = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        return String(format: "%.3f s", value)
    }

    /// A line of /proc/self/status (Linux), e.g. `VmRSS:  123456 kB` → "120.6 MiB".
    static func memory(_ key: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
            let kilobytes = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return "?" }
        return String(format: "%.1f MiB", kilobytes / 1024)
    }
}
