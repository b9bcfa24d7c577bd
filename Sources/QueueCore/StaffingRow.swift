/// One line of a staffing plan: what Erlang C predicts for the recommended number of counters.
public struct StaffingRow: Codable, Sendable, Equatable {
    public var field: String
    public var hour: Int
    public var arrivalsPerHour: Double
    public var meanServiceMinutes: Double
    public var waitTargetMinutes: Double
    public var counters: Int
    public var utilisation: Double
    public var probabilityOfWaiting: Double
    public var meanWaitSeconds: Double
    /// P(wait ≤ target) with `counters` counters.
    public var serviceLevel: Double

    public init(
        field: String, hour: Int, arrivalsPerHour: Double, meanServiceMinutes: Double, waitTargetMinutes: Double,
        counters: Int, utilisation: Double, probabilityOfWaiting: Double, meanWaitSeconds: Double, serviceLevel: Double
    ) {
        self.field = field
        self.hour = hour
        self.arrivalsPerHour = arrivalsPerHour
        self.meanServiceMinutes = meanServiceMinutes
        self.waitTargetMinutes = waitTargetMinutes
        self.counters = counters
        self.utilisation = utilisation
        self.probabilityOfWaiting = probabilityOfWaiting
        self.meanWaitSeconds = meanWaitSeconds
        self.serviceLevel = serviceLevel
    }
}
