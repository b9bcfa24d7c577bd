public import Foundation
import Hall
import NIOConcurrencyHelpers
public import QueueCore

/// A clock that only moves when told to, for deterministic tests and simulations.
public final class ManualClock: WallClock, Sendable {
    private let current: NIOLockedValueBox<Date>

    public init(_ start: Date) {
        current = NIOLockedValueBox(start)
    }

    /// A Vietnam-time wall clock reading, e.g. `ManualClock(vietnam: "2026-03-02 08:00")`.
    public convenience init(vietnam text: String) {
        self.init(Self.vietnamDate(text))
    }

    public func now() -> Date { current.withLockedValue { $0 } }

    public func advance(minutes: Double) {
        current.withLockedValue { $0 = $0.addingTimeInterval(minutes * 60) }
    }

    public func set(_ date: Date) {
        current.withLockedValue { $0 = date }
    }

    public static func vietnamDate(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = VietnamTime.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        guard let date = formatter.date(from: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }
}
