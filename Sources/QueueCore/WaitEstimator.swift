/// Estimates how long a new ticket will wait.
///
/// With `p` = people ahead + 1 and `f` free open counters (open minus those busy with a citizen): no wait
/// when `p ≤ f`; otherwise wait ≈ ceil((p − f − ½) × mean service ÷ open counters) — the ticket needs
/// `p − f` counters to come free, they free up at `open ÷ mean` per minute, and the citizen at a busy
/// counter is on average half-way through. The mean service time is an exponentially weighted moving
/// average (weight `alpha` on the newest) of recent service durations in that field, starting from
/// `defaultServiceMinutes` when the field has no history yet. (Counting only the queue, as the first
/// version did, told someone behind one busy counter "0 minutes".)
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

    public func estimateMinutes(ahead: Int, openCounters: Int, busyCounters: Int, meanServiceMinutes: Double) -> Int {
        let open = max(1, openCounters)
        let free = max(0, openCounters - busyCounters)
        let needed = Double(ahead + 1 - free)
        guard needed > 0 else { return 0 }
        return Int(((needed - 0.5) * meanServiceMinutes / Double(open)).rounded(.up))
    }

    /// The queue-only estimate (every open counter assumed free): ceil(ahead × mean ÷ open).
    public func estimateMinutes(ahead: Int, openCounters: Int, meanServiceMinutes: Double) -> Int {
        guard ahead > 0 else { return 0 }
        let minutes = Double(ahead) * meanServiceMinutes / Double(max(1, openCounters))
        return Int(minutes.rounded(.up))
    }
}
