import ArgumentParser
import Foundation
import Hall
import Logging
import Province
import QueueCore
import QueueStore
import WebAPI

extension Serve {
    /// `--province` and `--centre` go together; the code is what the province lists the centre by.
    func validateProvince() throws {
        guard (province == nil) == (centre == nil) else {
            throw ValidationError("--province và --centre phải đi cùng nhau / give both --province and --centre, or neither.")
        }
        if let centre, !Self.isCentreCode(centre) {
            throw ValidationError(
                "--centre \(centre): 2–32 chữ in hoa, chữ số hoặc “-”, ví dụ XA-PHU-QUOC / 2–32 upper-case letters, digits or '-', e.g. XA-PHU-QUOC."
            )
        }
    }

    static func isCentreCode(_ text: String) -> Bool {
        (2...32).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
    }

    /// The replicator when the centre runs in province mode; a malformed URL stops `serve` with exit 78. The province
    /// being unreachable does not: the hall starts and replication catches up when it can.
    func provinceReplicator(database: AppDatabase, clock: any WallClock, alerts: AlertMonitor, metrics: HallMetrics, logger: Logger)
        throws -> CentreReplicator?
    {
        guard let province, let centre else { return nil }
        let target: ProvinceDatabase
        do {
            target = try ProvinceDatabase.direct(url: province, logger: logger)
        } catch {
            throw StartupRefusal(
                code: .configuration, message: "KhôngChờ không khởi động: \(error.message)\nKhôngChờ did not start: \(error.messageEn)"
            ).exit()
        }
        logger.info("Province mode: replicating as \(centre)")
        return CentreReplicator(
            database: database, province: target, centre: centre, clock: clock, alerts: alerts, logger: logger
        ) { status in
            metrics.replication(backlog: status.backlog, lagSeconds: status.lagSeconds, failures: status.failures)
        }
    }

    /// What `GET /supervisor/replication` answers, read from the replicator each time.
    func replicationReport(_ replicator: CentreReplicator?) -> (@Sendable () -> ReplicationReport)? {
        guard let replicator else { return nil }
        let code = centre ?? ""
        return {
            let status = replicator.status
            return ReplicationReport(
                centre: code, backlog: status.backlog, lagSeconds: status.lagSeconds, failures: status.failures,
                lastError: status.lastError, caughtUpAt: status.caughtUpAt)
        }
    }
}
