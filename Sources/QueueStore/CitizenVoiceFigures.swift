import Foundation
import GRDB
import QueueCore

/// What citizens said in a period beyond the ratings' levels: feedback handling against its deadlines (the seeds
/// ask 100 % handled) and why the dissatisfied were not satisfied.
public struct CitizenVoiceFigures: Codable, Sendable, Equatable {
    /// Items received in the period (by service day of receipt).
    public var feedbackReceived: Int
    /// Of those, filed by a supervisor (kind set).
    public var feedbackClassified: Int
    /// Of those, closed by their deadline.
    public var feedbackHandledOnTime: Int
    /// Of those, closed after their deadline.
    public var feedbackHandledLate: Int
    /// Of those, still open past their deadline as of the report.
    public var feedbackOverdue: Int
    /// Of those, still open within their deadline.
    public var feedbackOpen: Int
    /// "Not satisfied" ratings in the period per reason (`waiting`, `attitude`, `guidance`, `papers`, `other`,
    /// and `none` for those given no reason).
    public var dissatisfactionReasons: [String: Int]

    public init(
        feedbackReceived: Int = 0, feedbackClassified: Int = 0, feedbackHandledOnTime: Int = 0, feedbackHandledLate: Int = 0,
        feedbackOverdue: Int = 0, feedbackOpen: Int = 0, dissatisfactionReasons: [String: Int] = [:]
    ) {
        self.feedbackReceived = feedbackReceived
        self.feedbackClassified = feedbackClassified
        self.feedbackHandledOnTime = feedbackHandledOnTime
        self.feedbackHandledLate = feedbackHandledLate
        self.feedbackOverdue = feedbackOverdue
        self.feedbackOpen = feedbackOpen
        self.dissatisfactionReasons = dissatisfactionReasons
    }

    /// Closed by the deadline ÷ received; `nil` with nothing received.
    public var feedbackHandledOnTimeShare: Double? {
        feedbackReceived == 0 ? nil : Double(feedbackHandledOnTime) / Double(feedbackReceived)
    }
}

extension AppDatabase {
    static func citizenVoice(_ db: Database, period: ReportPeriod, asOf: Date) throws -> CitizenVoiceFigures {
        let days: StatementArguments = [period.first.iso, period.last.iso]
        let now = Millis.of(asOf)
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*), COUNT(kind),
                  SUM(closedAt IS NOT NULL AND closedAt <= deadline), SUM(closedAt IS NOT NULL AND closedAt > deadline),
                  SUM(closedAt IS NULL AND deadline < ?), SUM(closedAt IS NULL AND deadline >= ?)
                FROM feedback WHERE serviceDay BETWEEN ? AND ?
                """, arguments: [now, now] + days)
        var reasons: [String: Int] = [:]
        for reason in try Row.fetchAll(
            db,
            sql: "SELECT COALESCE(reason, 'none'), COUNT(*) FROM rating WHERE level = 4 AND serviceDay BETWEEN ? AND ? GROUP BY 1",
            arguments: days)
        {
            reasons[reason[0]] = reason[1]
        }
        return CitizenVoiceFigures(
            feedbackReceived: row?[0] ?? 0, feedbackClassified: row?[1] ?? 0, feedbackHandledOnTime: row?[2] ?? 0,
            feedbackHandledLate: row?[3] ?? 0, feedbackOverdue: row?[4] ?? 0, feedbackOpen: row?[5] ?? 0,
            dissatisfactionReasons: reasons)
    }
}
