import Foundation

/// The M/M/c queue (Erlang C): Poisson arrivals, exponential service, `servers` identical counters, one queue.
///
/// The probability of waiting is computed from the Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))
/// and C = c·B / (c − a·(1 − B)), which never forms aᶜ or c! and so stays exact for hundreds of servers, where
/// the textbook sum overflows. `a` = arrivals per unit × mean service time (offered load in erlangs).
public struct ErlangC: Sendable, Equatable {
    public let servers: Int
    /// Offered load a = λ × mean service time, in erlangs.
    public let load: Double
    public let meanServiceSeconds: Double

    public init(arrivalsPerHour: Double, meanServiceSeconds: Double, servers: Int) {
        self.servers = servers
        self.meanServiceSeconds = meanServiceSeconds
        self.load = max(0, arrivalsPerHour) * meanServiceSeconds / 3600
    }

    /// Utilisation ρ = a / c; the queue is stable only below 1.
    public var utilisation: Double { servers > 0 ? load / Double(servers) : .infinity }

    public var isStable: Bool { servers > 0 && load < Double(servers) }

    /// Erlang B, the blocking probability of the same load on `servers` without a queue.
    public var blockingProbability: Double {
        var b = 1.0
        if servers > 0 {
            for k in 1...servers { b = load * b / (Double(k) + load * b) }
        }
        return b
    }

    /// P(wait > 0): the chance an arrival finds every counter busy (1 when the queue is unstable).
    public var probabilityOfWaiting: Double {
        guard isStable else { return 1 }
        guard load > 0 else { return 0 }
        let b = blockingProbability
        let c = Double(servers)
        return c * b / (c - load * (1 - b))
    }

    /// Mean wait in the queue, seconds: C × s / (c − a) (infinite when unstable).
    public var meanWaitSeconds: Double {
        guard isStable else { return .infinity }
        return probabilityOfWaiting * meanServiceSeconds / (Double(servers) - load)
    }

    /// P(wait ≤ t) = 1 − C × e^(−(c − a) t / s) (0 when unstable).
    public func serviceLevel(withinSeconds t: Double) -> Double {
        guard isStable else { return 0 }
        guard meanServiceSeconds > 0 else { return 1 }
        return 1 - probabilityOfWaiting * exp(-(Double(servers) - load) * t / meanServiceSeconds)
    }
}
