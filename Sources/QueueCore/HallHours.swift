public import Foundation

/// When the kiosk gives numbers. A working day issues tickets until its closing time (the end of its last session,
/// or of an extra window such as the ninth hour when that is later), so the morning queue can form before the doors
/// open and the lunch break keeps issuing for the afternoon. After closing, and on days off, the hall is closed and
/// the kiosk says when it opens next.
extension WorkingCalendar {
    /// Whether a ticket may be issued at `date`. Throws only when `date`'s year has no calendar.
    public func issuesTickets(at date: Date) throws(QueueError) -> Bool {
        let day = DayKey(date)
        guard let closing = try closingMinute(on: day) else { return false }
        return Self.minuteOfDay(date) < closing
    }

    /// The next instant after `date` at which a session or an extra window starts: later today, or on the next
    /// working day.
    public func nextOpening(after date: Date) throws(QueueError) -> Date {
        var day = DayKey(date)
        let minute = Self.minuteOfDay(date)
        if try isWorkingDay(day), let start = openingMinutes(on: day).first(where: { $0 > minute }) {
            return day.date(atMinute: start)
        }
        // Terminates: each working day has at least one session (the calendar refuses none).
        while true {
            day = try nextWorkingDay(after: day)
            if let start = openingMinutes(on: day).first { return day.date(atMinute: start) }
        }
    }

    /// Start minutes of the sessions and extra windows in force on `day`, in order.
    func openingMinutes(on day: DayKey) -> [Int] {
        let sessions = sessionMinutes(on: day).map(\.start)
        let windows = extraWindows.filter { $0.applies(on: day) }.compactMap(\.startMinute)
        return (sessions + windows).sorted()
    }
}
