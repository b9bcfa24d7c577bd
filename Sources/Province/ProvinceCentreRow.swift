public import Foundation
import Logging
import PostgresNIO
public import QueueStore

extension ProvinceDatabase {
    /// Records that `centre` is alive and how it stands (the province's live list), creating its row on first contact.
    public func report(_ pulse: CentrePulse, centre: String, deviceAlerts: Int, version: Int, at now: Date) async throws {
        let logger = logger
        _ = try await withConnection { connection in
            try await connection.query(
                """
                INSERT INTO centre (code, name, centre_version, first_seen, last_seen, service_day, issued_today, served_today, waiting,
                  open_counters, longest_wait_seconds, device_alerts)
                VALUES (\(centre), \(pulse.name), \(version), \(now), \(now), \(pulse.serviceDay)::date, \(pulse.issuedToday),
                  \(pulse.servedToday), \(pulse.waiting), \(pulse.openCounters), \(pulse.longestWaitSeconds), \(deviceAlerts))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, centre_version = EXCLUDED.centre_version, last_seen = EXCLUDED.last_seen,
                  service_day = EXCLUDED.service_day, issued_today = EXCLUDED.issued_today, served_today = EXCLUDED.served_today,
                  waiting = EXCLUDED.waiting, open_counters = EXCLUDED.open_counters,
                  longest_wait_seconds = EXCLUDED.longest_wait_seconds, device_alerts = EXCLUDED.device_alerts
                """, logger: logger)
        }
    }
}
