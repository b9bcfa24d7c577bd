import QueueStore

/// How well the live wait estimate printed on each ticket matched the wait that followed, per field, over a
/// simulated or replayed day (issue: the estimator's accuracy is measured).
///
/// Error = estimate − actual wait (first call − issue), in seconds; positive means the ticket promised more
/// waiting than happened. Only tickets that were called count.
public struct EstimateAccuracy: Codable, Sendable, Equatable {
    public var field: String
    public var tickets: Int
    public var meanEstimateSeconds: Double
    public var meanWaitSeconds: Double
    public var meanErrorSeconds: Double
    public var meanAbsoluteErrorSeconds: Double
    /// Share of tickets whose estimate was within 5 minutes of the actual wait.
    public var withinFiveMinutes: Double

    public init(
        field: String, tickets: Int, meanEstimateSeconds: Double, meanWaitSeconds: Double, meanErrorSeconds: Double,
        meanAbsoluteErrorSeconds: Double, withinFiveMinutes: Double
    ) {
        self.field = field
        self.tickets = tickets
        self.meanEstimateSeconds = meanEstimateSeconds
        self.meanWaitSeconds = meanWaitSeconds
        self.meanErrorSeconds = meanErrorSeconds
        self.meanAbsoluteErrorSeconds = meanAbsoluteErrorSeconds
        self.withinFiveMinutes = withinFiveMinutes
    }

    /// From (field, estimated seconds, actual seconds) triples, fields in the order given by `fieldOrder`.
    static func measure(_ samples: [(field: String, estimate: Double, actual: Double)], fieldOrder: [String]) -> [EstimateAccuracy] {
        let groups = Dictionary(grouping: samples, by: \.field)
        return fieldOrder.compactMap { field in
            guard let group = groups[field], !group.isEmpty else { return nil }
            let count = Double(group.count)
            return EstimateAccuracy(
                field: field, tickets: group.count,
                meanEstimateSeconds: group.map(\.estimate).reduce(0, +) / count,
                meanWaitSeconds: group.map(\.actual).reduce(0, +) / count,
                meanErrorSeconds: group.map { $0.estimate - $0.actual }.reduce(0, +) / count,
                meanAbsoluteErrorSeconds: group.map { abs($0.estimate - $0.actual) }.reduce(0, +) / count,
                withinFiveMinutes: Double(group.count { abs($0.estimate - $0.actual) <= 300 }) / count)
        }
    }
}
