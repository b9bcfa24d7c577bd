/// Recommends counters per field and hour: the fewest counters for which Erlang C gives
/// P(wait ≤ the field's target) ≥ `serviceLevel` (default 80 %) with utilisation below 1.
///
/// Erlang C assumes dedicated counters per field, Poisson arrivals and exponential service; shared counters
/// and lunch breaks make reality somewhat better or worse, which is what `khongcho simulate` is for.
public struct StaffingPlanner: Sendable, Equatable {
    public var serviceLevel: Double
    /// Upper bound on the answer, so a mistyped rate cannot loop for ever.
    public var maximumCounters: Int

    public init(serviceLevel: Double = 0.8, maximumCounters: Int = 200) {
        self.serviceLevel = serviceLevel
        self.maximumCounters = maximumCounters
    }

    /// One recommendation; `counters` is 0 when nothing arrives.
    public func recommend(field: String, hour: Int, arrivalsPerHour: Double, meanServiceMinutes: Double, waitTargetMinutes: Double)
        -> StaffingRow
    {
        var counters = 0
        var model = ErlangC(arrivalsPerHour: arrivalsPerHour, meanServiceSeconds: meanServiceMinutes * 60, servers: 0)
        if arrivalsPerHour > 0 {
            counters = max(1, Int(model.load.rounded(.down)) + 1)
            while counters < maximumCounters {
                model = ErlangC(arrivalsPerHour: arrivalsPerHour, meanServiceSeconds: meanServiceMinutes * 60, servers: counters)
                if model.isStable, model.serviceLevel(withinSeconds: waitTargetMinutes * 60) >= serviceLevel { break }
                counters += 1
            }
            model = ErlangC(arrivalsPerHour: arrivalsPerHour, meanServiceSeconds: meanServiceMinutes * 60, servers: counters)
        }
        return StaffingRow(
            field: field, hour: hour, arrivalsPerHour: arrivalsPerHour, meanServiceMinutes: meanServiceMinutes,
            waitTargetMinutes: waitTargetMinutes, counters: counters,
            utilisation: counters == 0 ? 0 : model.utilisation,
            probabilityOfWaiting: counters == 0 ? 0 : model.probabilityOfWaiting,
            meanWaitSeconds: counters == 0 ? 0 : model.meanWaitSeconds,
            serviceLevel: counters == 0 ? 1 : model.serviceLevel(withinSeconds: waitTargetMinutes * 60))
    }

    /// The whole table: `arrivals[field][hour]` tickets per hour, `meanServiceMinutes[field]` and
    /// `waitTargetMinutes[field]` (15 when missing). Rows by field code, then hour.
    public func plan(
        arrivals: [String: [Int: Double]], meanServiceMinutes: [String: Double], waitTargetMinutes: [String: Double]
    ) -> [StaffingRow] {
        arrivals.keys.sorted().flatMap { field in
            (arrivals[field] ?? [:]).keys.sorted().map { hour in
                recommend(
                    field: field, hour: hour, arrivalsPerHour: arrivals[field]?[hour] ?? 0,
                    meanServiceMinutes: meanServiceMinutes[field] ?? 6, waitTargetMinutes: waitTargetMinutes[field] ?? 15)
            }
        }
    }
}
