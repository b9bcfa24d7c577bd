public import QueueCore
import Synchronization

/// The service calendar in force, replaceable while the server runs: an admin who corrects a holiday or
/// adds next year changes every promise computed afterwards, without a restart.
public final class CalendarBook: Sendable {
    private let state: Mutex<WorkingCalendar>
    /// Years that came from the admin (stored), not from the shipped files.
    private let edited: Mutex<Set<Int>>

    public init(_ calendar: WorkingCalendar, editedYears: Set<Int> = []) {
        state = Mutex(calendar)
        edited = Mutex(editedYears)
    }

    public var current: WorkingCalendar { state.withLock { $0 } }
    public var editedYears: Set<Int> { edited.withLock { $0 } }

    /// The calendar with `year` added or replaced; throws (Vietnamese + English) when the year is invalid.
    public func replacing(_ year: CalendarYear) throws(QueueError) -> WorkingCalendar {
        let calendar = current
        var years = calendar.years
        years[year.year] = year
        return try WorkingCalendar(
            years: years.values.sorted { $0.year < $1.year }, sessions: calendar.sessions,
            extraWindows: calendar.extraWindows, noWaitFriday: calendar.noWaitFriday, seasons: calendar.seasons)
    }

    public func install(_ calendar: WorkingCalendar, edited year: Int) {
        state.withLock { $0 = calendar }
        _ = edited.withLock { $0.insert(year) }
    }
}
