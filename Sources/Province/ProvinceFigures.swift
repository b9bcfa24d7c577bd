public import Foundation
import Logging
import PostgresNIO
public import QueueCore

/// One centre's (or field's, or the province's) figures for a reporting period, as counts whose sums and ratios make the province's: counts add
/// up, a rate is summed numerators over summed denominators (DESIGN.md), never an average of rates. The same rules
/// as the centre's own report: the on-time rate counts promises falling due in the period that are returned or
/// overdue as of `asOf`; the same-day rate counts same-day procedures received in the period.
public struct CentreFigures: Sendable, Equatable, Codable {
    /// The centre's code (or the field's, or `total`).
    public var code: String
    public var issued = 0
    public var served = 0
    public var noShows = 0
    /// Tickets called at least once, and their waits (issue → first call) summed in seconds.
    public var waited = 0
    public var waitSeconds = 0
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
        sum.waited += b.waited
        sum.waitSeconds += b.waitSeconds
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

/// How the province's figures are grouped: one row per centre, per field across all centres, or per field of one centre.
public enum FigureGrouping: Sendable, Equatable {
    case centre
    case field
    case fieldsOfCentre(String)
}

extension ProvinceDatabase {
    /// Every centre's figures for `period` as of `asOf`, by centre code (every known centre, zeros included).
    public func figures(period: ReportPeriod, asOf: Date) async throws -> [CentreFigures] {
        var byCentre = Dictionary(uniqueKeysWithValues: try await figures(period: period, asOf: asOf, by: .centre).map { ($0.code, $0) })
        for centre in try await centres() where byCentre[centre.code] == nil { byCentre[centre.code] = CentreFigures(code: centre.code) }
        return byCentre.values.sorted { $0.code < $1.code }
    }

    /// The period's figures grouped as asked, read from the day rollup. Promises falling due before `asOf`'s day and
    /// not returned are overdue, so all of them count; from that day on only the returned ones and those already
    /// past their time as of `asOf` (read from the dossiers of those few days) — the centre report's rule.
    public func figures(period: ReportPeriod, asOf: Date, by grouping: FigureGrouping) async throws -> [CentreFigures] {
        let first = period.first.iso
        let last = period.last.iso
        let today = VietnamTime.serviceDay(of: asOf)
        let (key, centreFilter): (String, String?) =
            switch grouping {
            case .centre: ("centre", nil)
            case .field: ("field", nil)
            case .fieldsOfCentre(let centre): ("field", centre)
            }
        let logger = logger
        return try await withConnection { connection in
            var rows: [String: CentreFigures] = [:]
            var bindings = PostgresBindings()
            bindings.append(first)
            bindings.append(last)
            bindings.append(today)
            bindings.append(centreFilter ?? "")
            let summed = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT \(key), SUM(issued)::int, SUM(served)::int, SUM(no_shows)::int, SUM(waited)::int, SUM(wait_seconds)::bigint,
                          SUM(ratings)::int, SUM(satisfied)::int, SUM(same_day_counted)::int, SUM(same_day_resolved)::int,
                          SUM(CASE WHEN day < $3::date THEN promises ELSE promises_returned END)::int, SUM(promises_on_time)::int,
                          SUM(feedback_received)::int, SUM(feedback_on_time)::int
                        FROM day_field WHERE day BETWEEN $1::date AND $2::date AND ($4 = '' OR centre = $4) GROUP BY \(key)
                        """, binds: bindings), logger: logger)
            for try await row in summed.decode((String, Int, Int, Int, Int, Int64, Int, Int, Int, Int, Int, Int, Int, Int).self) {
                var f = CentreFigures(code: row.0)
                (f.issued, f.served, f.noShows, f.waited, f.waitSeconds) = (row.1, row.2, row.3, row.4, Int(row.5))
                (f.ratings, f.satisfied, f.sameDayCounted, f.sameDayResolved) = (row.6, row.7, row.8, row.9)
                (f.promisesDue, f.promisesOnTime, f.feedbackReceived, f.feedbackHandledOnTime) = (row.10, row.11, row.12, row.13)
                rows[f.code] = f
            }
            bindings.append(asOf)
            let overdue = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT \(key), COUNT(*)::int FROM dossier
                        WHERE promised_day BETWEEN GREATEST($1::date, $3::date) AND $2::date AND returned_at IS NULL AND promised_at <= $5
                          AND ($4 = '' OR centre = $4)
                        GROUP BY \(key)
                        """, binds: bindings), logger: logger)
            for try await (code, count) in overdue.decode((String, Int).self) {
                rows[code, default: CentreFigures(code: code)].promisesDue += count
            }
            return rows.values.sorted { $0.code < $1.code }
        }
    }
}
