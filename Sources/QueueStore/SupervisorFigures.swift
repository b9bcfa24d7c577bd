public import Foundation
public import QueueCore

/// One field's live queue against its wait target.
public struct FieldWatch: Codable, Sendable, Equatable {
    /// Green, amber or red against the target.
    public enum Light: String, Codable, Sendable {
        case green, amber, red
    }

    public var code: String
    public var name: String
    public var nameEn: String
    public var prefix: String
    public var waiting: Int
    public var longestWaitMinutes: Int
    public var estimatedWaitMinutes: Int
    public var targetMinutes: Int
    public var status: Light
    public var openCounters: Int
    public var issuedToday: Int
    public var servedToday: Int
    public var meanWaitMinutes: Double

    /// Red once the longest wait or the estimate for a new ticket passes the target, amber from 80 % of it.
    static func light(longest: Int, estimate: Int, target: Int) -> Light {
        let worst = max(longest, estimate)
        if worst > target { return .red }
        return Double(worst) >= 0.8 * Double(target) ? .amber : .green
    }
}

/// A staff account as the supervisor sees it: its username and display name.
public struct Officer: Codable, Sendable, Equatable {
    public var username: String
    public var displayName: String?
}

/// A counter as the supervisor watches it: its fields, state, the ticket at it, idleness and assigned officers.
public struct CounterWatch: Codable, Sendable, Equatable {
    /// The ticket at the counter now, its state and since when.
    public struct Current: Codable, Sendable, Equatable {
        public var label: String
        public var state: TicketState
        public var since: Date
    }

    public var number: Int
    public var name: String
    public var fields: [String]
    public var paused: Bool
    /// Who worked there last today.
    public var staff: String?
    /// Staff accounts assigned to this counter (username and display name), whom a supervisor may move.
    public var assigned: [Officer] = []
    public var current: Current?
    /// Minutes since the counter's last ticket ended while it has none (nil when busy, paused or unused today).
    public var idleMinutes: Int?
}

/// Today so far: issued, served, waits and targets met.
public struct TodayFigures: Codable, Sendable, Equatable {
    public var issued: Int
    public var served: Int
    public var noShows: Int
    public var waiting: Int
    public var meanWaitMinutes: Double
    public var withinTargetShare: Double?
    public var ratings: Int
    public var satisfactionShare: Double?
    public var satisfactionTarget: Double
    public var promisesDue: Int
    public var promisesOnTime: Int
    public var promisesLate: Int
}

/// One hour of today, for the dashboard chart.
public struct HourFigures: Codable, Sendable, Equatable {
    public var hour: Int
    public var issued: Int
    public var meanWaitMinutes: Double
}

/// Everything the supervisor dashboard draws, computed in one read.
public struct SupervisorFigures: Codable, Sendable, Equatable {
    public var serviceDay: String
    public var fields: [FieldWatch]
    public var counters: [CounterWatch]
    public var today: TodayFigures
    public var hourly: [HourFigures]
    /// Ratings today by level "1"…"4".
    public var satisfaction: [String: Int]
}
