import NIOConcurrencyHelpers
public import QueueCore

/// The service calendar in force, replaceable while the server runs: an admin who corrects a holiday or
/// adds next year changes every promise computed afterwards, without a restart.
public final class CalendarBook: Sendable {
    private let state: NIOLockedValueBox<WorkingCalendar>
    /// Years that came from the admin (stored), not from the shipped files.
    private let edited: NIOLockedValueBox<Set<Int>>

    public init(_ calendar: WorkingCalendar, editedYears: Set<Int> = []) {
        state = NIOLockedValueBox(calendar)
        edited = NIOLockedValueBox(editedYears)
    }

    public var current: WorkingCalendar { state.withLockedValue { $0 } }
    public var editedYears: Set<Int> { edited.withLockedValue { $0 } }

    /// The calendar with `year` added or replaced; throws (Vietnamese + English) when the year is invalid.
    public func replacing(_ year: CalendarYear) throws(QueueError) -> WorkingCalendar {
        let calendar = current
        var years = calendar.years
        years[year.year] = year
        return try WorkingCalendar(
            years: years.values.sorted { $0.year < $1.year }, sessions: calendar.sessions,
            extraWindows: calendar.extraWindows, noWaitFriday: calendar.noWaitFriday, seasons: calendar.seasons,
            weekly: Array(calendar.weekly.values))
    }

    /// The calendar with the admin's hours in place of the shipped ones (seasons dropped: the admin's hours
    /// are the hours); throws (Vietnamese + English) when they are invalid.
    public func replacingHours(_ hours: HallHoursSettings) throws(QueueError) -> WorkingCalendar {
        try current.withHours(hours)
    }

    /// Puts new hours in force: every kiosk answer and promise from now on uses them.
    public func install(_ calendar: WorkingCalendar) {
        state.withLockedValue { $0 = calendar }
    }

    public func install(_ calendar: WorkingCalendar, edited year: Int) {
        state.withLockedValue { $0 = calendar }
        _ = edited.withLockedValue { $0.insert(year) }
    }
}
