/// Estimates how long a new ticket will wait.
///
/// wait ≈ ceil(people ahead × mean service time ÷ open counters for the field), where the mean service time
/// is an exponentially weighted moving average (weight `alpha` on the newest) of recent service durations
/// in that field, starting from `defaultServiceMinutes` when the field has no history yet.
public struct WaitEstimator: Sendable, Equatable {
    public var alpha: Double
    public var defaultServiceMinutes: Double

    public init(alpha: Double = 0.3, defaultServiceMinutes: Double = 6) {
        self.alpha = alpha
        self.defaultServiceMinutes = defaultServiceMinutes
    }

    /// The weighted mean of service durations in minutes, oldest first.
    public func meanServiceMinutes(_ durationsOldestFirst: [Double]) -> Double {
        durationsOldestFirst.reduce(into: defaultServiceMinutes) { mean, duration in
            mean = alpha * duration + (1 - alpha) * mean
        }
    }

    public func estimateMinutes(ahead: Int, openCounters: Int, meanServiceMinutes: Double) -> Int {
        guard ahead > 0 else { return 0 }
        let minutes = Double(ahead) * meanServiceMinutes / Double(max(1, openCounters))
        return Int(minutes.rounded(.up))
    }
}
