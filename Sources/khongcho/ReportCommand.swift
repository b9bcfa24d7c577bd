import ArgumentParser
import DeviceIO
import Foundation
import Hall
import QueueCore
import QueueStore
import WebAPI

/// `khongcho report --period quarter:2026-Q1 [--format text|json|csv|html] [--output FILE]`: the period's
/// figures from the store, as a readable table or as the exact bytes `GET /api/v1/reports` serves.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo theo kỳ / period report (day, week, month, quarter, year, custom).")

    @Option(
        help:
            "Kỳ báo cáo / period: day:2026-03-02, week:2026-W10, month:2026-03, quarter:2026-Q1, year:2026, custom:2026-01-05..2026-02-10.")
    var period: String
    @Option(help: "text | json | csv | html") var format = "text"
    @Option(help: "Thư mục dữ liệu / data directory.") var data = InstallPaths.data
    @Option(help: "Ghi ra tệp thay vì màn hình / write to this file instead of standard output.") var output: String?
    @Option(help: "Thư mục assets (targets.json) / assets directory.") var assets = InstallPaths.assets

    func run() async throws {
        do {
            try await report()
        } catch let error as QueueError {
            throw ValidationFailure("\(error.message) / \(error.englishMessage)")
        }
    }

    private func report() async throws {
        let parsed = try ReportPeriod(parsing: period)
        let documentFormat: ReportDocument.Format? = format == "text" ? nil : try ReportDocument.Format(parameter: format)
        let database = try AppDatabase.openExisting(data)
        let service = try await TargetsBook.load(
            file: URL(fileURLWithPath: assets).appendingPathComponent("targets.json"), database: database
        ).current
        let targets = ReportTargets(catalog: try await database.catalog(), service: service)
        let report = try await database.report(period: parsed, targets: targets, asOf: Date())
        let bytes: [UInt8]
        if let documentFormat {
            bytes = try ReportDocument(report, format: documentFormat).bytes
        } else {
            bytes = Array(ReportText.render(report).utf8)
        }
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            FileHandle.standardError.write(Data("Đã ghi / wrote \(output) (\(bytes.count) bytes)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
