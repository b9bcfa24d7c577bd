public import QueueStore
public import Foundation
public import QueueCore

/// One citizen of a simulated or replayed day: when they take a ticket, for which field, and how long the
/// counter will then take to serve them.
public struct SimulatedArrival: Sendable, Equatable {
    public var at: Date
    public var field: String
    public var serviceSeconds: Double

    public init(at: Date, field: String, serviceSeconds: Double) {
        self.at = at
        self.field = field
        self.serviceSeconds = serviceSeconds
    }
}

/// A constant Poisson arrival rate for one field over a window of the day (minutes after midnight, Vietnam time).
public struct ArrivalRate: Sendable, Equatable {
    public var field: String
    public var startMinute: Int
    public var endMinute: Int
    public var perHour: Double

    public init(field: String, startMinute: Int, endMinute: Int, perHour: Double) {
        self.field = field
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.perHour = perHour
    }

    /// The same rate over each office session, e.g. 07:30–11:30 and 13:30–17:00.
    public static func sessions(field: String, perHour: Double, sessions: [OfficeSession]) -> [ArrivalRate] {
        sessions.compactMap { session in
            guard let start = session.startMinute, let end = session.endMinute else { return nil }
            return ArrivalRate(field: field, startMinute: start, endMinute: end, perHour: perHour)
        }
    }

    /// A rate per whole hour: `perHour[8] = 12` means 12 tickets between 08:00 and 09:00.
    public static func hourly(field: String, perHour: [Int: Double]) -> [ArrivalRate] {
        perHour.keys.sorted().map { hour in
            ArrivalRate(field: field, startMinute: hour * 60, endMinute: hour * 60 + 60, perHour: perHour[hour] ?? 0)
        }
    }
}

extension SimulatedArrival {
    /// A synthetic day: Poisson arrivals for each rate in turn (exponential gaps), each citizen's service time
    /// exponential with the field's mean (6 minutes when missing), all from one SplitMix64 stream, so a seed
    /// always gives the same day. Sorted by arrival time.
    public static func synthesize(
        day: DayKey, rates: [ArrivalRate], meanServiceMinutes: [String: Double], seed: UInt64
    ) -> [SimulatedArrival] {
        var random = SplitMix64(seed: seed)
        var arrivals: [SimulatedArrival] = []
        for rate in rates where rate.perHour > 0 && rate.endMinute > rate.startMinute {
            let start = day.date(atMinute: rate.startMinute)
            let length = Double(rate.endMinute - rate.startMinute) * 60
            let meanGap = 3600 / rate.perHour
            let meanService = (meanServiceMinutes[rate.field] ?? 6) * 60
            var offset = random.exponential(mean: meanGap)
            while offset < length {
                arrivals.append(SimulatedArrival(
                    at: start.addingTimeInterval(offset), field: rate.field,
                    serviceSeconds: random.exponential(mean: meanService)))
                offset += random.exponential(mean: meanGap)
            }
        }
        return stableSorted(arrivals)
    }

    static func stableSorted(_ arrivals: [SimulatedArrival]) -> [SimulatedArrival] {
        arrivals.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }.map(\.element)
    }
}
