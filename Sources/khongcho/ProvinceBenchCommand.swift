import ArgumentParser
import Foundation
import Hall
import Logging
import NIOConcurrencyHelpers
import Province
import QueueCore
import QueueStore

/// `khongcho province bench --postgres URL [--year]`: a province of `--centres` centres in one process against a
/// real PostgreSQL. It loads a month (or a year) of generated history with COPY, times the ingest path the centres'
/// replicators use (batches upserted with their cursors), runs every centre live (its own store and replicator,
/// tickets issued and called) to measure replication lag, and times the province report for the history's period.
/// `make bench-province` makes the throw-away cluster, runs this, then times the report over HTTP.
struct ProvinceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Đo hiệu năng chế độ tỉnh / benchmark province mode on a generated province.")

    @Option(help: "PostgreSQL (a throw-away database: the bench fills it).") var postgres: String
    @Option(help: "Số trung tâm / centres.") var centres = 150
    @Flag(help: "Một năm lịch sử thay vì một tháng / a year of history instead of a month.") var year = false
    @Option(help: "Phiếu mỗi trung tâm mỗi ngày / tickets per centre per day.") var ticketsPerDay = 1100
    @Option(help: "Giây chạy trực tiếp / seconds of live load.") var liveSeconds = 60
    @Option(help: "Thư mục assets (catalog.json).") var assets = InstallPaths.assets

    func run() async throws {
        let wall = ContinuousClock.now
        var logger = Logger(label: "province-bench")
        logger.logLevel = .warning
        let province = try ProvinceDatabase.direct(url: postgres, logger: logger)
        try await province.migrate()
        let catalog = try CatalogFile.load(URL(fileURLWithPath: assets).appendingPathComponent("catalog.json"))
        let today = DayKey(Date())
        let days = (1...(year ? 365 : 30)).reversed().map { today.adding(days: -$0) }
        guard (1...999).contains(centres), ticketsPerDay > 0, liveSeconds > 0 else {
            throw ValidationError("--centres 1…999, --tickets-per-day and --live-seconds > 0.")
        }
        let codes = (1...centres).map { "C\(String(1000 + $0).dropFirst())" }
        Self.say(
            "KhôngChờ province bench — \(centres) centres, \(days.count) days of history, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        let history = try await loadHistory(codes: codes, days: days, today: today, fields: catalog.fields.map(\.code), logger: logger)
        Self.say(history)
        Self.say(
            try await ProvinceIngestBench(
                url: postgres, codes: codes, day: days[0].adding(days: -1), ticketsPerDay: ticketsPerDay, logger: logger
            ).run())
        Self.say(try await ProvinceLiveBench(url: postgres, codes: codes, catalog: catalog, seconds: liveSeconds, logger: logger).run())
        let period = try ReportPeriod(parsing: "custom:\(days[0].iso)..\(days[days.count - 1].iso)")
        var times: [Duration] = []
        for _ in 0..<6 {
            times.append(
                try await ContinuousClock().measure {
                    _ = try await province.centres()
                    _ = try await province.figures(period: period, asOf: Date(), by: .centre)
                    _ = try await province.figures(period: period, asOf: Date(), by: .field)
                })
        }
        let warm = times.dropFirst().sorted()
        Self.say(
            "province report \(period.text) (centres, by centre, by field — what GET /api/v1/province/centres reads): first "
                + "\(Self.ms(times[0])), warm median \(Self.ms(warm[warm.count / 2])), max \(Self.ms(warm.last ?? times[0]))")
        await province.close()
        Self.say("wall time \(Self.seconds(ContinuousClock.now - wall))")
    }

    func loadHistory(codes: [String], days: [DayKey], today: DayKey, fields: [String], logger: Logger) async throws -> String {
        // The centres as their first pulse would register them (replication cursors refer to them).
        let province = try ProvinceDatabase.direct(url: postgres, logger: logger)
        try await province.execute(
            "INSERT INTO centre (code, name, centre_version, first_seen, last_seen) SELECT 'C' || lpad(n::text, 3, '0'), "
                + "'Trung tâm ' || n, \(CentreReplicator.centreVersion), now(), now() FROM generate_series(1, \(codes.count)) AS n "
                + "ON CONFLICT (code) DO NOTHING")
        await province.close()
        let started = ContinuousClock.now
        let counts = NIOLockedValueBox((tickets: 0, ratings: 0, dossiers: 0, centres: 0))
        let next = NIOLockedValueBox(0)
        let perDay = ticketsPerDay
        // Two loaders (two connections): one generates while the other's COPY is in the server.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask { [postgres] in
                    let database = try ProvinceDatabase.direct(url: postgres, logger: logger)
                    do {
                        while let index = next.withLockedValue({ value -> Int? in
                            defer { value += 1 }
                            return value < codes.count ? value : nil
                        }) {
                            let lines = ProvinceHistory(
                                centre: codes[index], days: days, today: today, ticketsPerDay: perDay, fields: fields,
                                seed: UInt64(index + 1))
                            try await database.copy(into: "ticket", columns: ProvinceHistory.ticketColumns, lines: lines.tickets)
                            try await database.copy(into: "rating", columns: ProvinceHistory.ratingColumns, lines: lines.ratings)
                            try await database.copy(into: "dossier", columns: ProvinceHistory.dossierColumns, lines: lines.dossiers)
                            let done = counts.withLockedValue { counts in
                                counts.tickets += lines.tickets.count
                                counts.ratings += lines.ratings.count
                                counts.dossiers += lines.dossiers.count
                                counts.centres += 1
                                return counts
                            }
                            if done.centres % 10 == 0 || done.centres == codes.count {
                                Self.say(
                                    "  history: \(done.centres)/\(codes.count) centres, \(done.tickets) tickets "
                                        + "(\(Self.seconds(ContinuousClock.now - started)))")
                            }
                        }
                    } catch {
                        await database.close()
                        throw error
                    }
                    await database.close()
                }
            }
            try await group.waitForAll()
        }
        let total = counts.withLockedValue { $0 }
        let elapsed = ContinuousClock.now - started
        let rows = total.tickets + total.ratings + total.dossiers
        return "history: \(total.tickets) tickets, \(total.ratings) ratings, \(total.dossiers) dossiers loaded with COPY in "
            + "\(Self.seconds(elapsed)) (\(Int(Double(rows) / Self.secondsValue(elapsed))) rows/s, day rollup kept by the triggers)"
    }

    /// Prints a line at once, unbuffered, so progress shows through a pipe.
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func secondsValue(_ duration: Duration) -> Double { duration / .seconds(1) }
    static func seconds(_ duration: Duration) -> String { "\(ReportNumber.decimal(secondsValue(duration))) s" }
    static func ms(_ duration: Duration) -> String { "\(ReportNumber.decimal(secondsValue(duration) * 1000)) ms" }
}
