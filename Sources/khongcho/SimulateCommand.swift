import ArgumentParser
import DeviceIO
import Foundation
import Hall
import QueueCore
import QueueStore

/// `khongcho simulate`: runs a synthetic or replayed day through the real engine on a virtual clock and prints
/// the waits it would give, with the Erlang C staffing recommendation for the same arrivals — so a centre can
/// try a no-wait Friday or a counter fewer before doing it.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Mô phỏng một ngày làm việc / simulate a day's waits through the real engine.")

    @Option(help: "Ngày mô phỏng / day to simulate (YYYY-MM-DD, default today in Vietnam).") var day: String?
    @Option(help: "Phiếu mỗi giờ theo lĩnh vực / tickets per hour per field over the office sessions, e.g. A=12,B=6.")
    var rate: String?
    @Option(help: "Phát lại CSV issuedAt,field,serviceSeconds / replay a recorded day.") var replay: String?
    @Option(help: "Số quầy riêng theo lĩnh vực / dedicated counters per field, e.g. A=2,B=1 (default: the catalog's).")
    var counters: String?
    @Option(help: "Thời gian phục vụ TB (phút) / mean service minutes per field, e.g. A=10,B=5 (default 6).")
    var service: String?
    @Option(help: "Hạt giống ngẫu nhiên / random seed.") var seed: UInt64 = 1
    @Option(help: "Danh mục / catalog file.") var catalog = InstallPaths.assets + "/catalog.json"
    @Option(help: "Tỉ lệ phục vụ trong mục tiêu cho khuyến nghị / service level for the recommendation.")
    var serviceLevel = 0.8
    @Option(help: "text | json") var format = "text"

    func run() async throws {
        do {
            try await simulate()
        } catch let error as QueueError {
            throw ValidationFailure("\(error.message) / \(error.englishMessage)")
        }
    }

    private func simulate() async throws {
        guard format == "text" || format == "json" else {
            throw ValidationFailure("Định dạng “\(format)” không hỗ trợ / unsupported format '\(format)' (text|json).")
        }
        let catalog = try CatalogFile.load(URL(fileURLWithPath: catalog))
        let simulatedDay = try parseDay()
        let means = try Self.pairs(service, catalog: catalog, option: "--service")
        var meanService = Dictionary(uniqueKeysWithValues: catalog.fields.map { ($0.code, 6.0) })
        for (field, minutes) in means { meanService[field] = minutes }
        let arrivals: [SimulatedArrival]
        var hourly: [String: [Int: Double]] = [:]
        switch (rate, replay) {
        case (let rate?, nil):
            let rates = try Self.pairs(rate, catalog: catalog, option: "--rate")
            arrivals = SimulatedArrival.synthesize(
                day: simulatedDay,
                rates: rates.flatMap { ArrivalRate.sessions(field: $0.0, perHour: $0.1, sessions: catalog.sessions) },
                meanServiceMinutes: meanService, seed: seed)
            let hours = Self.sessionHours(catalog.sessions)
            for (field, perHour) in rates { hourly[field] = Dictionary(uniqueKeysWithValues: hours.map { ($0, perHour) }) }
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationFailure("Không đọc được \(path) / cannot read the replay file.")
            }
            arrivals = try SimulatedArrival.replay(csv: String(decoding: data, as: UTF8.self), day: simulatedDay)
            let known = Set(catalog.fields.map(\.code))
            for arrival in arrivals where !known.contains(arrival.field) { throw QueueError.unknownField(arrival.field) }
            for arrival in arrivals { hourly[arrival.field, default: [:]][VietnamTime.reading(arrival.at).hour, default: 0] += 1 }
            for (field, group) in Dictionary(grouping: arrivals, by: \.field) {
                meanService[field] = group.map(\.serviceSeconds).reduce(0, +) / Double(group.count) / 60
            }
        default:
            throw ValidationFailure("Cần đúng một trong --rate hoặc --replay / pass exactly one of --rate or --replay.")
        }
        let perField = Dictionary(
            try Self.pairs(counters, catalog: catalog, option: "--counters").map { ($0.0, Int($0.1)) },
            uniquingKeysWith: { _, last in last })
        let simulator = DaySimulator(catalog: catalog, countersPerField: perField)
        let result = try await simulator.run(day: simulatedDay, arrivals: arrivals)
        let staffing = StaffingPlanner(serviceLevel: serviceLevel).plan(
            arrivals: hourly, meanServiceMinutes: meanService,
            waitTargetMinutes: Dictionary(uniqueKeysWithValues: catalog.fields.map { ($0.code, Double($0.waitTargetMinutes)) }))
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let output = Output(seed: seed, serviceLevel: serviceLevel, simulation: result, staffing: staffing)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(
                SimulationText(
                    catalog: catalog, result: result, staffing: staffing, seed: seed,
                    serviceLevel: serviceLevel, rateMode: rate != nil
                ).render())
        }
    }

    struct Output: Encodable {
        var seed: UInt64
        var serviceLevel: Double
        var simulation: DaySimulationResult
        var staffing: [StaffingRow]
    }

    private func parseDay() throws -> DayKey {
        guard let day else { return DayKey(Date()) }
        guard let key = DayKey(iso: day) else { throw ValidationFailure("Ngày “\(day)” không hợp lệ / invalid --day (YYYY-MM-DD).") }
        return key
    }

    /// `A=12,B=6` → field codes and numbers; a key is a field's ticket prefix or its code.
    static func pairs(_ text: String?, catalog: Catalog, option: String) throws -> [(String, Double)] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value.isFinite else {
                throw ValidationFailure("\(option): “\(item)” phải có dạng A=12 / must look like A=12.")
            }
            guard let field = catalog.fields.first(where: { $0.prefix == parts[0] || $0.code == parts[0] }) else {
                throw ValidationFailure("\(option): không có lĩnh vực “\(parts[0])” / no field '\(parts[0])'.")
            }
            return (field.code, value)
        }
    }

    /// Hours that overlap an office session (07:30–11:30 → 7…11).
    static func sessionHours(_ sessions: [OfficeSession]) -> [Int] {
        let hours = sessions.flatMap { session -> [Int] in
            guard let start = session.startMinute, let end = session.endMinute, end > start else { return [] }
            return Array(start / 60...(end - 1) / 60)
        }
        return Array(Set(hours)).sorted()
    }
}

/// The Vietnamese-first plain-text tables `simulate` prints.
struct SimulationText {
    var catalog: Catalog
    var result: DaySimulationResult
    var staffing: [StaffingRow]
    var seed: UInt64
    var serviceLevel: Double
    var rateMode: Bool

    func render() -> String {
        let day = DayKey(iso: result.day)?.vietnamese ?? result.day
        var lines = [
            "Mô phỏng ngày \(day) · hạt giống \(seed) · \(result.counters.count) quầy · \(result.arrivals) phiếu (\(result.unserved) chưa được gọi)",
            "Simulated day \(result.day) · seed \(seed) · \(result.counters.count) counters · \(result.arrivals) tickets (\(result.unserved) never called)",
            "",
            "Theo lĩnh vực / By field",
        ]
        let header = ["Phiếu / Tickets", "Chờ TB / Mean wait", "P90", "Tối đa / Max", "Đạt mục tiêu / Within target"]
        lines += Self.table(
            [["Lĩnh vực / Field", "Mục tiêu / Target"] + header]
                + result.figures.byField.filter { $0.issued > 0 }.map { row in
                    [name(row.key), "\(target(row.key)) phút"] + waits(row)
                } + [["Tổng / Total", ""] + waits(result.figures.total)])
        lines += ["", "Theo giờ cấp phiếu / By issue hour"]
        lines += Self.table([["Giờ / Hour"] + header] + result.figures.byHour.map { ["\($0.key):00"] + waits($0) })
        lines += ["", "Ước lượng thời gian chờ in trên phiếu so với thực tế / Printed wait estimate vs actual wait"]
        lines += Self.table(
            [
                [
                    "Lĩnh vực / Field", "Phiếu / Tickets", "Ước lượng TB / Mean estimate", "Chờ TB / Mean wait",
                    "Sai số TB / Mean error", "Sai số tuyệt đối TB / Mean abs. error", "Lệch ≤ 5 phút / Within 5 min",
                ]
            ]
                + result.estimates.map { row in
                    [
                        name(row.field), String(row.tickets), Self.duration(row.meanEstimateSeconds),
                        Self.duration(row.meanWaitSeconds), Self.signedDuration(row.meanErrorSeconds),
                        Self.duration(row.meanAbsoluteErrorSeconds), Self.percent(row.withinFiveMinutes),
                    ]
                })
        let level = Self.percent(serviceLevel)
        lines += [
            "",
            "Khuyến nghị số quầy (Erlang C, ≥ \(level) được gọi trong mục tiêu) / Recommended counters (Erlang C, ≥ \(level) called within target)",
        ]
        lines += Self.table(
            [
                [
                    "Lĩnh vực / Field", "Giờ / Hour", "Phiếu/giờ / Per hour", "Phục vụ TB / Mean service",
                    "Quầy / Counters", "Đạt mục tiêu / Within target", "Chờ TB / Mean wait", "Đang có / Simulated",
                ]
            ]
                + rows().map { row in
                    [
                        name(row.field), rateMode ? "mọi giờ / every hour" : String(format: "%02d:00", row.hour),
                        Self.number(row.arrivalsPerHour), "\(Self.number(row.meanServiceMinutes)) phút",
                        String(row.counters), Self.percent(row.serviceLevel), Self.duration(row.meanWaitSeconds),
                        String(result.counters.count { $0.fields.contains(row.field) }),
                    ]
                })
        return lines.joined(separator: "\n")
    }

    /// In catalog order; with constant rates every hour gives the same answer, so one row per field.
    private func rows() -> [StaffingRow] {
        let position = Dictionary(catalog.fields.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = staffing.sorted { a, b in
            (position[a.field] ?? .max, a.hour) < (position[b.field] ?? .max, b.hour)
        }
        guard rateMode else { return ordered }
        var seen = Set<String>()
        return ordered.filter { seen.insert($0.field).inserted }
    }

    private func waits(_ row: ReportFigures) -> [String] {
        [
            String(row.issued), Self.duration(row.waitMeanSeconds), Self.duration(row.waitP90Seconds.map(Double.init)),
            Self.duration(row.waitMaxSeconds.map(Double.init)), Self.percent(row.withinTargetShare),
        ]
    }

    private func name(_ code: String) -> String {
        guard let field = catalog.fields.first(where: { $0.code == code }) else { return code }
        return "\(field.name) (\(field.prefix))"
    }

    private func target(_ code: String) -> Int { catalog.fields.first { $0.code == code }?.waitTargetMinutes ?? 15 }

    /// Plain-text columns, each as wide as its widest cell (also `khongcho plan`).
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// `m:ss`, or `–` when there is nothing to measure.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "–" }
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    static func signedDuration(_ seconds: Double) -> String {
        seconds < 0 ? "−" + duration(-seconds) : "+" + duration(seconds)
    }

    static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return String(format: "%.1f %%", share * 100).replacingOccurrences(of: ".", with: ",")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}
