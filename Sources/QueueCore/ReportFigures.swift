/// The figures of one report row (the whole period, or one field, counter, staff member, hour or weekday).
///
/// Definitions (the report's footnotes say the same):
/// - `issued` counts tickets; `served` those that ended `done`; `noShows` those that ended `no-show`;
///   `transferred` those moved to another field at least once. Counter and staff rows count only tickets that
///   reached a counter.
/// - Waits are first call − issue, in whole seconds, over the `waited` tickets that were called; tickets never
///   called (still waiting at closing, cancelled in the queue) have no wait. `waitP50Seconds`/`waitP90Seconds`
///   use the nearest-rank method: the value at rank ⌈p/100 × n⌉ of the ascending waits.
/// - `withinTarget` counts waits ≤ the wait target of the ticket's own field.
/// - Service time is done − serving start, over the `serviceTimed` done tickets that have both.
/// - `sameDayRate` = same-day promises whose result was returned on the day the dossier was received ÷ same-day
///   promises received in the period.
/// - `promisesOnTimeRate` = promises returned at or before the promised instant ÷ promises due in the period
///   (promised within it and either returned or already past due when the report was made).
/// - `satisfactionRate` = ratings of level 1 (rất hài lòng) or 2 (hài lòng) ÷ ratings; `ratingLevels` counts
///   levels 1…4 in that order.
/// Rates and means are `nil` (JSON `null`) when their denominator is zero; `…Met` is `nil` then too.
public struct ReportFigures: Codable, Sendable, Equatable {
    public var key: String
    public var issued: Int
    public var served: Int
    public var noShows: Int
    public var transferred: Int
    public var waited: Int
    public var waitMeanSeconds: Double?
    public var waitP50Seconds: Int?
    public var waitP90Seconds: Int?
    public var waitMaxSeconds: Int?
    public var withinTarget: Int
    public var withinTargetShare: Double?
    public var serviceTimed: Int
    public var serviceMeanSeconds: Double?
    public var sameDayPromises: Int
    public var sameDayResolved: Int
    public var sameDayRate: Double?
    public var promisesDue: Int
    public var promisesOnTime: Int
    public var promisesOnTimeRate: Double?
    public var promisesOnTimeTarget: Double
    public var promisesOnTimeMet: Bool?
    public var ratings: Int
    public var ratingLevels: [Int]
    public var satisfied: Int
    public var satisfactionRate: Double?
    public var satisfactionTarget: Double
    public var satisfactionMet: Bool?

    private enum CodingKeys: String, CodingKey {
        case key, issued, served, noShows, transferred, waited, waitMeanSeconds, waitP50Seconds, waitP90Seconds
        case waitMaxSeconds, withinTarget, withinTargetShare, serviceTimed, serviceMeanSeconds, sameDayPromises
        case sameDayResolved, sameDayRate, promisesDue, promisesOnTime, promisesOnTimeRate, promisesOnTimeTarget
        case promisesOnTimeMet, ratings, ratingLevels, satisfied, satisfactionRate, satisfactionTarget, satisfactionMet
    }

    /// Writes every key, `null` included, so CSV columns and JSON consumers see the same shape for every row.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(issued, forKey: .issued)
        try c.encode(served, forKey: .served)
        try c.encode(noShows, forKey: .noShows)
        try c.encode(transferred, forKey: .transferred)
        try c.encode(waited, forKey: .waited)
        try c.encode(waitMeanSeconds, forKey: .waitMeanSeconds)
        try c.encode(waitP50Seconds, forKey: .waitP50Seconds)
        try c.encode(waitP90Seconds, forKey: .waitP90Seconds)
        try c.encode(waitMaxSeconds, forKey: .waitMaxSeconds)
        try c.encode(withinTarget, forKey: .withinTarget)
        try c.encode(withinTargetShare, forKey: .withinTargetShare)
        try c.encode(serviceTimed, forKey: .serviceTimed)
        try c.encode(serviceMeanSeconds, forKey: .serviceMeanSeconds)
        try c.encode(sameDayPromises, forKey: .sameDayPromises)
        try c.encode(sameDayResolved, forKey: .sameDayResolved)
        try c.encode(sameDayRate, forKey: .sameDayRate)
        try c.encode(promisesDue, forKey: .promisesDue)
        try c.encode(promisesOnTime, forKey: .promisesOnTime)
        try c.encode(promisesOnTimeRate, forKey: .promisesOnTimeRate)
        try c.encode(promisesOnTimeTarget, forKey: .promisesOnTimeTarget)
        try c.encode(promisesOnTimeMet, forKey: .promisesOnTimeMet)
        try c.encode(ratings, forKey: .ratings)
        try c.encode(ratingLevels, forKey: .ratingLevels)
        try c.encode(satisfied, forKey: .satisfied)
        try c.encode(satisfactionRate, forKey: .satisfactionRate)
        try c.encode(satisfactionTarget, forKey: .satisfactionTarget)
        try c.encode(satisfactionMet, forKey: .satisfactionMet)
    }
}

/// A period's figures in total and by each dimension, as `ReportAccumulator.finish()` returns them.
///
/// Row keys: `total` for the whole; field codes (catalog order first, then others by code); counter numbers
/// ascending; staff usernames ascending; hours `00`…`23`; weekdays `1` (Monday) … `7` (Sunday). Fields in
/// `ReportTargets.fieldOrder` always get a row; other rows appear only when something happened in them.
public struct ReportBreakdown: Codable, Sendable, Equatable {
    public var total: ReportFigures
    public var byField: [ReportFigures]
    public var byCounter: [ReportFigures]
    public var byStaff: [ReportFigures]
    public var byHour: [ReportFigures]
    public var byWeekday: [ReportFigures]

    public init(
        total: ReportFigures, byField: [ReportFigures], byCounter: [ReportFigures], byStaff: [ReportFigures],
        byHour: [ReportFigures], byWeekday: [ReportFigures]
    ) {
        self.total = total
        self.byField = byField
        self.byCounter = byCounter
        self.byStaff = byStaff
        self.byHour = byHour
        self.byWeekday = byWeekday
    }
}
