public import QueueStore
public import QueueCore

/// What a simulated day gave: the report figures of its tickets (by field and by issue hour are the ones the
/// simulator prints), the tickets still waiting when the day ended, and the counters it ran with.
public struct DaySimulationResult: Codable, Sendable, Equatable {
    public var day: String
    public var arrivals: Int
    /// Tickets never called: issued too late in the day to be called before midnight, or no counter for the field.
    public var unserved: Int
    public var counters: [Counter]
    public var figures: ReportBreakdown
    /// The engine's printed wait estimates against the waits that followed, per field.
    public var estimates: [EstimateAccuracy]

    public init(
        day: String, arrivals: Int, unserved: Int, counters: [Counter], figures: ReportBreakdown,
        estimates: [EstimateAccuracy]
    ) {
        self.day = day
        self.arrivals = arrivals
        self.unserved = unserved
        self.counters = counters
        self.figures = figures
        self.estimates = estimates
    }
}
