public import Foundation
import Logging
import PostgresNIO
public import QueueCore

/// One centre's figures for a reporting period, as counts whose sums and ratios make the province's: counts add
/// up, a rate is summed numerators over summed denominators (DESIGN.md), never an average of rates. The same rules
/// as the centre's own report: the on-time rate counts promises falling due in the period that are returned or
/// overdue as of `asOf`; the same-day rate counts same-day procedures received in the period.
public struct CentreFigures: Sendable, Equatable, Codable {
    public var code: String
    public var issued = 0
    public var served = 0
    public var noShows = 0
    public var ratings = 0
    /// Ratings of 1 (rất hài lòng) or 2 (hài lòng).
    public var satisfied = 0
    public var sameDayCounted = 0
    public var sameDayResolved = 0
    public var promisesDue = 0
    public var promisesOnTime = 0
    public var feedbackReceived = 0
    public var feedbackHandledOnTime = 0

    public init(code: String) { self.code = code }

    public static func + (a: Self, b: Self) -> Self {
        var sum = a
        sum.issued += b.issued
        sum.served += b.served
        sum.noShows += b.noShows
        sum.ratings += b.ratings
        sum.satisfied += b.satisfied
        sum.sameDayCounted += b.sameDayCounted
        sum.sameDayResolved += b.sameDayResolved
        sum.promisesDue += b.promisesDue
        sum.promisesOnTime += b.promisesOnTime
        sum.feedbackReceived += b.feedbackReceived
        sum.feedbackHandledOnTime += b.feedbackHandledOnTime
        return sum
    }
}

extension ProvinceDatabase {
    /// Every centre's figures for `period` as of `asOf`, by centre code.
    public func figures(period: ReportPeriod, asOf: Date) async throws -> [CentreFigures] {
        let first = period.first.iso
        let last = period.last.iso
        let logger = logger
        return try await withConnection { client in
            var byCentre: [String: CentreFigures] = [:]
            func update(_ code: String, _ change: (inout CentreFigures) -> Void) {
                var figures = byCentre[code] ?? CentreFigures(code: code)
                change(&figures)
                byCentre[code] = figures
            }
            for try await (code, issued, served, noShows) in try await client.query(
                """
                SELECT centre, COUNT(*)::int, COUNT(*) FILTER (WHERE state = 'done')::int, COUNT(*) FILTER (WHERE state = 'no-show')::int
                FROM ticket WHERE service_day BETWEEN \(first)::date AND \(last)::date GROUP BY centre
                """, logger: logger
            ).decode((String, Int, Int, Int).self) {
                update(code) {
                    $0.issued = issued
                    $0.served = served
                    $0.noShows = noShows
                }
            }
            for try await (code, ratings, satisfied) in try await client.query(
                """
                SELECT centre, COUNT(*)::int, COUNT(*) FILTER (WHERE level <= 2)::int
                FROM rating WHERE service_day BETWEEN \(first)::date AND \(last)::date GROUP BY centre
                """, logger: logger
            ).decode((String, Int, Int).self) {
                update(code) {
                    $0.ratings = ratings
                    $0.satisfied = satisfied
                }
            }
            for try await (code, counted, resolved, due, onTime) in try await client.query(
                """
                WITH d AS (
                  SELECT centre, same_day, received_at, promised_at, returned_at,
                    (received_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS received_day,
                    (promised_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS promised_day,
                    (returned_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS returned_day
                  FROM dossier WHERE promised_at IS NOT NULL)
                SELECT centre,
                  COUNT(*) FILTER (WHERE same_day AND received_day BETWEEN \(first)::date AND \(last)::date)::int,
                  COUNT(*) FILTER (WHERE same_day AND received_day BETWEEN \(first)::date AND \(last)::date AND returned_day = received_day)::int,
                  COUNT(*) FILTER (WHERE promised_day BETWEEN \(first)::date AND \(last)::date
                    AND (returned_at IS NOT NULL OR promised_at <= \(asOf)))::int,
                  COUNT(*) FILTER (WHERE promised_day BETWEEN \(first)::date AND \(last)::date AND returned_at <= promised_at)::int
                FROM d GROUP BY centre
                """, logger: logger
            ).decode((String, Int, Int, Int, Int).self) {
                update(code) {
                    $0.sameDayCounted = counted
                    $0.sameDayResolved = resolved
                    $0.promisesDue = due
                    $0.promisesOnTime = onTime
                }
            }
            for try await (code, received, onTime) in try await client.query(
                """
                SELECT centre, COUNT(*)::int, COUNT(*) FILTER (WHERE closed_at IS NOT NULL AND closed_at <= deadline)::int
                FROM feedback WHERE service_day BETWEEN \(first)::date AND \(last)::date GROUP BY centre
                """, logger: logger
            ).decode((String, Int, Int).self) {
                update(code) {
                    $0.feedbackReceived = received
                    $0.feedbackHandledOnTime = onTime
                }
            }
            for try await code in try await client.query("SELECT code FROM centre", logger: logger).decode(String.self) {
                update(code) { _ in }
            }
            return byCentre.values.sorted { $0.code < $1.code }
        }
    }
}
