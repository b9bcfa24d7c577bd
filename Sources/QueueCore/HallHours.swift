public import Foundation

/// When the kiosk gives numbers. A working day issues tickets until its closing time (the end of its last session,
/// or of an extra window such as the ninth hour when that is later), so the morning queue can form before the doors
/// open and the lunch break keeps issuing for the afternoon. After closing, and on days off, the hall is closed and
/// the kiosk says when it opens next.
extension WorkingCalendar {
    /// Whether a ticket may be issued at `date`. Throws only when `date`'s year has no calendar.
    public func issuesTickets(at date: Date) throws(QueueError) -> Bool {
        let day = DayKey(date)
        guard let closing = try issueClosingMinute(on: day) else { return false }
        return Self.minuteOfDay(date) < closing
    }

    /// When the kiosk stops giving numbers on `day`: the admin's cutoff for that weekday when set (a ninth-hour
    /// window still gives numbers until it ends), else the closing minute.
    func issueClosingMinute(on day: DayKey) throws(QueueError) -> Int? {
        guard let closing = try closingMinute(on: day) else { return nil }
        guard let cutoff = lastTicketMinute(on: day) else { return closing }
        let windowEnd = extraWindows.filter { $0.applies(on: day) }.compactMap(\.endMinute).max() ?? 0
        return max(min(cutoff, closing), windowEnd)
    }

    /// The next instant after `date` at which a session or an extra window starts: later today, or on the next
    /// working day.
    public func nextOpening(after date: Date) throws(QueueError) -> Date {
        var day = DayKey(date)
        let minute = Self.minuteOfDay(date)
        if try receives(on: day), let start = openingMinutes(on: day).first(where: { $0 > minute }),
            try issueClosingMinute(on: day).map({ start < $0 }) == true
        {
            return day.date(atMinute: start)
        }
        // Terminates: each working day has at least one session (the calendar refuses none), and a year
        // without a calendar throws.
        while true {
            day = day.adding(days: 1)
            if try receives(on: day), let start = openingMinutes(on: day).first { return day.date(atMinute: start) }
        }
    }

    /// Start minutes of the sessions and extra windows in force on `day`, in order.
    func openingMinutes(on day: DayKey) -> [Int] {
        let sessions = sessionMinutes(on: day).map(\.start)
        let windows = extraWindows.filter { $0.applies(on: day) }.compactMap(\.startMinute)
        return (sessions + windows).sorted()
    }
}

/// Whether the kiosk gives numbers now and, when it does not, when to come back (in both languages), so the
/// kiosk can show a "come back" screen under its own heading before anyone touches it; the 409 on issue puts
/// "Đã hết giờ lấy số." before the same words.
public struct IssuingStatus: Codable, Sendable, Equatable {
    public var open: Bool
    /// The next opening, ISO 8601 with +07:00; `nil` while open.
    public var nextOpening: String?
    public var message: String?
    public var messageEn: String?

    public init(open: Bool, nextOpening: String? = nil, message: String? = nil, messageEn: String? = nil) {
        self.open = open
        self.nextOpening = nextOpening
        self.message = message
        self.messageEn = messageEn
    }
}

extension WorkingCalendar {
    /// The kiosk's answer at `date`: open, or closed with the next opening and, when that day has one, its
    /// extra window (the ninth hour) named, so a citizen who cannot come in office hours knows it exists.
    public func issuingStatus(at date: Date) throws(QueueError) -> IssuingStatus {
        guard try !issuesTickets(at: date) else { return IssuingStatus(open: true) }
        let opening = try nextOpening(after: date)
        let day = DayKey(opening)
        let time = VietnamTime.clockTime(opening)
        var message = "Mời quay lại lúc \(time) \(day.vietnameseWeekday) \(day.vietnamese)."
        var english = "Please come back at \(time) on \(day.englishWeekday) \(day.iso)."
        let windows = extraWindows.filter { $0.applies(on: day) }
        if let window = windows.first {
            message += " Ngày đó có giờ thứ 9: \(window.start)–\(window.end)."
            english += " That day also has the ninth hour: \(window.start)–\(window.end)."
        }
        return IssuingStatus(open: false, nextOpening: VietnamTime.iso8601(opening), message: message, messageEn: english)
    }
}
