public import Foundation
import NIOConcurrencyHelpers

/// The only way domain code learns the time: injected, so tests and the simulator can drive it.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A wall clock the day simulator moves forward event by event; it never goes back.
public final class VirtualClock: WallClock, Sendable {
    private let current: NIOLockedValueBox<Date>

    public init(_ start: Date) {
        current = NIOLockedValueBox(start)
    }

    public func now() -> Date { current.withLockedValue { $0 } }

    /// Moves to `date`, or stays put when `date` is earlier.
    public func advance(to date: Date) {
        current.withLockedValue { if date > $0 { $0 = date } }
    }

    public func advance(seconds: Double) {
        current.withLockedValue { $0 = $0.addingTimeInterval(max(0, seconds)) }
    }
}

/// The training clock (`serve --now`): starts at a chosen instant and runs forward in real time, so trainers can
/// rehearse a Monday morning at night and tests can pin the hour. It reads the monotonic clock, so changing the
/// system time does not move it.
public struct TrainingClock: WallClock {
    public let start: Date
    private let started: ContinuousClock.Instant

    public init(start: Date) {
        self.start = start
        self.started = .now
    }

    public func now() -> Date {
        start.addingTimeInterval(started.duration(to: .now) / .seconds(1))
    }
}
