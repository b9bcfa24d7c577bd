import ArgumentParser
import DeviceIO
import Foundation
import Hall
import QueueCore
import QueueStore

/// `khongcho plan`: from the arrivals and service times recorded over the past weeks, how many counters each
/// field needs in each hour to call at least `--service-level` of citizens within the field's wait target
/// (Erlang C), next to how many serve it now.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Khuyến nghị số quầy theo giờ từ dữ liệu các tuần qua / counters needed per hour from past weeks.")

    @Option(help: "Thư mục dữ liệu / data directory.") var data = InstallPaths.data
    @Option(help: "Số tuần nhìn lại / weeks of history.") var weeks = 4
    @Option(help: "Ngày cuối / last day (YYYY-MM-DD, default yesterday in Vietnam).") var until: String?
    @Option(help: "Tỉ lệ được gọi trong mục tiêu / share to call within target.") var serviceLevel = 0.8
    @Option(help: "text | json") var format = "text"

    func run() async throws {
        guard (1...52).contains(weeks) else { throw ValidationFailure("--weeks phải từ 1 đến 52 / must be 1…52.") }
        guard serviceLevel > 0, serviceLevel < 1 else { throw ValidationFailure("--service-level phải trong (0, 1) / must be in (0, 1).") }
        guard format == "text" || format == "json" else { throw ValidationFailure("--format text|json") }
        let last = try lastDay()
        let first = last.adding(days: -(7 * weeks - 1))
        let database = try AppDatabase.openExisting(data)
        let catalog = try await database.catalog()
        let history = try await database.staffingHistory(from: first, to: last)
        guard history.dayCount > 0 else {
            throw ValidationFailure("Không có phiếu nào từ \(first.vietnamese) đến \(last.vietnamese) / no tickets in that range.")
        }
        let rows = history.plan(StaffingPlanner(serviceLevel: serviceLevel), catalog: catalog)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        print("Dữ liệu \(first.vietnamese) – \(last.vietnamese): \(history.dayCount) ngày có phiếu / days with tickets")
        print("Khuyến nghị (Erlang C, ≥ \(SimulationText.percent(serviceLevel)) được gọi trong mục tiêu) / Recommendation")
        print(PlanTable.render(rows: rows, catalog: catalog))
    }

    func lastDay() throws -> DayKey {
        guard let until else { return DayKey(Date()).adding(days: -1) }
        guard let day = DayKey(iso: until) else { throw ValidationFailure("--until “\(until)”: cần YYYY-MM-DD / expected YYYY-MM-DD.") }
        return day
    }
}

enum PlanTable {
    static func render(rows: [StaffingRow], catalog: Catalog) -> String {
        let position = Dictionary(catalog.fields.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let header = [
            "Lĩnh vực / Field", "Giờ / Hour", "Phiếu/giờ / Per hour", "Phục vụ TB / Service", "Cần / Needed", "Hiện có / Now",
            "Chờ TB / Mean wait",
        ]
        let body = rows.sorted { (position[$0.field] ?? .max, $0.hour) < (position[$1.field] ?? .max, $1.hour) }.map { row in
            let field = catalog.fields.first { $0.code == row.field }
            return [
                field.map { "\($0.name) (\($0.prefix))" } ?? row.field, String(format: "%02d:00", row.hour),
                String(format: "%.1f", row.arrivalsPerHour), String(format: "%.1f phút", row.meanServiceMinutes),
                String(row.counters), String(catalog.counters.count { $0.fields.contains(row.field) }),
                SimulationText.duration(row.meanWaitSeconds),
            ]
        }
        return SimulationText.table([header] + body).joined(separator: "\n")
    }
}
