public import Foundation
import Logging
import PostgresNIO

/// A centre as the province's live list shows it: what its last pulse said and when.
public struct CentreLive: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var centreVersion: Int
    public var lastSeen: Date
    /// The centre's own service day (its training day on a training clock).
    public var serviceDay: String?
    public var issuedToday: Int
    public var servedToday: Int
    public var waiting: Int
    public var openCounters: Int
    public var longestWaitSeconds: Int
    public var deviceAlerts: Int
}

extension ProvinceDatabase {
    public func centres() async throws -> [CentreLive] {
        let logger = logger
        return try await withConnection { connection in
            var centres: [CentreLive] = []
            let rows = try await connection.query(
                """
                SELECT code, name, centre_version, last_seen, to_char(service_day, 'YYYY-MM-DD'), issued_today, served_today, waiting,
                  open_counters, longest_wait_seconds, device_alerts
                FROM centre ORDER BY code
                """, logger: logger)
            for try await (code, name, version, seen, day, issued, served, waiting, open, longest, alerts) in rows.decode(
                (String, String, Int, Date, String?, Int, Int, Int, Int, Int, Int).self)
            {
                centres.append(
                    CentreLive(
                        code: code, name: name, centreVersion: version, lastSeen: seen, serviceDay: day, issuedToday: issued,
                        servedToday: served, waiting: waiting, openCounters: open, longestWaitSeconds: longest, deviceAlerts: alerts))
            }
            return centres
        }
    }
}
