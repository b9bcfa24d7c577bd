public import Foundation
import Logging
import PostgresNIO
public import QueueCore

extension ProvinceDatabase {
    /// One centre's figures per officer (their username, the stable code the centre replicates) for `period`,
    /// optionally for one field: tickets they ended, their tickets' waits, the ratings given at their counter and
    /// the promises they took, by the centre report's rules. Read from the facts: one centre's month is small.
    public func officerFigures(centre: String, field: String?, period: ReportPeriod, asOf: Date) async throws -> [CentreFigures] {
        let (first, last, field) = (period.first.iso, period.last.iso, field ?? "")
        let logger = logger
        return try await withConnection { connection in
            var rows: [String: CentreFigures] = [:]
            let tickets = try await connection.query(
                """
                SELECT staff, COUNT(*)::int, COUNT(*) FILTER (WHERE state = 'done')::int, COUNT(*) FILTER (WHERE state = 'no-show')::int,
                  COUNT(first_called_at)::int, COALESCE(SUM(EXTRACT(EPOCH FROM first_called_at - issued_at)), 0)::bigint
                FROM ticket WHERE centre = \(centre) AND service_day BETWEEN \(first)::date AND \(last)::date AND staff IS NOT NULL
                  AND (\(field) = '' OR field = \(field))
                GROUP BY staff
                """, logger: logger)
            for try await (staff, issued, served, noShows, waited, seconds) in tickets.decode((String, Int, Int, Int, Int, Int64).self) {
                rows[staff, default: CentreFigures(code: staff)].issued = issued
                rows[staff]?.served = served
                rows[staff]?.noShows = noShows
                rows[staff]?.waited = waited
                rows[staff]?.waitSeconds = Int(seconds)
            }
            let ratings = try await connection.query(
                """
                SELECT staff, COUNT(*)::int, COUNT(*) FILTER (WHERE level <= 2)::int
                FROM rating WHERE centre = \(centre) AND service_day BETWEEN \(first)::date AND \(last)::date AND staff IS NOT NULL
                  AND (\(field) = '' OR field = \(field))
                GROUP BY staff
                """, logger: logger)
            for try await (staff, count, satisfied) in ratings.decode((String, Int, Int).self) {
                rows[staff, default: CentreFigures(code: staff)].ratings = count
                rows[staff]?.satisfied = satisfied
            }
            let promises = try await connection.query(
                """
                SELECT staff, COUNT(*) FILTER (WHERE returned_at IS NOT NULL OR promised_at <= \(asOf))::int,
                  COUNT(*) FILTER (WHERE returned_at <= promised_at)::int
                FROM dossier WHERE centre = \(centre) AND promised_day BETWEEN \(first)::date AND \(last)::date AND staff IS NOT NULL
                  AND (\(field) = '' OR field = \(field))
                GROUP BY staff
                """, logger: logger)
            for try await (staff, due, onTime) in promises.decode((String, Int, Int).self) {
                rows[staff, default: CentreFigures(code: staff)].promisesDue = due
                rows[staff]?.promisesOnTime = onTime
            }
            return rows.values.sorted { $0.code < $1.code }
        }
    }
}
