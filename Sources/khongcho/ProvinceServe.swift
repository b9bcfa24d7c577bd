import ArgumentParser
import Foundation
import Hall
import Hummingbird
import Logging
import NIOCore
import Province
import QueueCore
import ServiceLifecycle
import UnixSignals

/// `khongcho province serve --postgres URL`: the province office's read-only web app over the replicated facts.
/// The centres' list and figures are public on the office's network (aggregates only).
struct ProvinceServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Chạy trang của tỉnh / serve the province's pages and API.")

    @Option(help: "PostgreSQL của tỉnh / the province's PostgreSQL URL (sslmode=require off loopback).") var postgres: String
    @Option(help: "Địa chỉ lắng nghe / listen address.") var host = "127.0.0.1"
    @Option(help: "Cổng / port.") var port = 8090
    @Option(help: "Thư mục assets (web pages).") var assets = InstallPaths.assets
    @Option(help: "Đồng hồ đào tạo / training clock, ISO 8601 (the default period is this instant's month).") var now: String?

    func run() async throws {
        var logger = Logger(label: "khongcho-province")
        logger.logLevel = .info
        let database: ProvinceDatabase
        do {
            database = try ProvinceDatabase.pooled(url: postgres, logger: logger)
        } catch {
            throw StartupRefusal(
                code: .configuration, message: "KhôngChờ không khởi động: \(error.message)\nKhôngChờ did not start: \(error.messageEn)"
            ).exit()
        }
        let clock: any WallClock =
            try now.map { text in
                guard let start = try? Date(text, strategy: .iso8601) else {
                    throw ValidationError("--now \(text): ISO 8601 instant expected.")
                }
                return TrainingClock(start: start)
            } ?? SystemWallClock()
        let router = Router()
        let web = URL(fileURLWithPath: assets).appendingPathComponent("web")
        router.get("/api/v1/province/centres") { request, _ -> Response in
            let period = try Self.period(request.uri.queryParameters.get("period"), now: clock.now())
            let answer = ProvinceAnswer(
                period: period, live: try await database.centres(), figures: try await database.figures(period: period, asOf: clock.now()))
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONCoding.encoder().encode(answer))))
        }
        router.get("/api/v1/province/centres.csv") { request, _ -> Response in
            let period = try Self.period(request.uri.queryParameters.get("period"), now: clock.now())
            let answer = ProvinceAnswer(
                period: period, live: try await database.centres(), figures: try await database.figures(period: period, asOf: clock.now()))
            let name = "tinh-\(period.text.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "..", with: "_")).csv"
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: ProvinceCSV.render(answer))))
        }
        router.get("/province") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: web.appendingPathComponent("province.html")))))
        }
        router.add(middleware: FileMiddleware(web.path, searchForIndexHtml: false))
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
        guard let client = database.client else { return }
        let migration = ProvinceMigration(database: database, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: client), .init(service: migration, successTerminationBehavior: .ignore), .init(service: app),
                ], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("KhôngChờ province office on http://\(host):\(port)/province")
        try await group.run()
    }

    /// `?period=` in `khongcho report --period` syntax; the current month by default. A bad one is a 400 in words.
    static func period(_ text: String?, now: Date) throws -> ReportPeriod {
        let day = DayKey(now)
        let value = text ?? "month:\(String(day.iso.prefix(7)))"
        do {
            return try ReportPeriod(parsing: value)
        } catch {
            throw HTTPError(.badRequest, message: "period “\(value)”: \(error)")
        }
    }
}

/// Creates or updates the province schema once the pool runs, so the app answers before any centre has connected.
struct ProvinceMigration: Service {
    let database: ProvinceDatabase
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled {
            do {
                try await database.migrate()
                return
            } catch {
                logger.warning("Province schema not ready yet; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .seconds(2))
            }
        }
    }
}
