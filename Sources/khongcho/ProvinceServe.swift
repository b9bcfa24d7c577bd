import ArgumentParser
import Foundation
import Hall
import Hummingbird
import Logging
import Province
import ProvinceWeb
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
        let assetsURL = URL(fileURLWithPath: assets)
        let targets: ServiceTargets
        do {
            targets = try ServiceTargets.load(assetsURL.appendingPathComponent("targets.json"))
        } catch let error as QueueError {
            throw StartupRefusal(
                code: .configuration, message: "KhôngChờ không khởi động: \(error.message)\nKhôngChờ did not start: \(error.englishMessage)"
            ).exit()
        }
        let router = ProvinceRoutes(database: database, clock: clock, assets: assetsURL, targets: targets).router()
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
}
