/// One weekday's office hours as the admin sets them: its sessions (none: closed that weekday) and an
/// optional closing cutoff, the time after which the kiosk stops giving numbers although officers still
/// serve those already waiting (e.g. 16:30 for sessions ending at 17:00).
public struct WeekdayHours: Codable, Sendable, Equatable {
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int
    public var sessions: [OfficeSession]
    /// "HH:MM", within the day's sessions; `nil`: numbers are given until the last session ends.
    public var lastTicket: String?

    public init(weekday: Int, sessions: [OfficeSession], lastTicket: String? = nil) {
        self.weekday = weekday
        self.sessions = sessions
        self.lastTicket = lastTicket
    }

    public var lastTicketMinute: Int? { lastTicket.flatMap(OfficeSession.minutes) }
}

/// The hall's hours from the admin page: every weekday's sessions and cutoff, the dated extra windows (the
/// ninth hour) and the no-wait Friday. Once saved they replace `assets/calendar/settings.json` and the
/// catalog's sessions (seasons included: the admin's hours are the hours). Monday to Friday must each have a
/// session: they are the legal working days promises count. Saturday and Sunday may have sessions: the hall
/// then also receives on them (not on holidays), while promised dates still count working days only.
public struct HallHoursSettings: Codable, Sendable, Equatable {
    public var days: [WeekdayHours]
    public var extraWindows: [ExtraWindow]
    public var noWaitFriday: NoWaitFridaySettings

    public init(days: [WeekdayHours], extraWindows: [ExtraWindow], noWaitFriday: NoWaitFridaySettings) {
        self.days = days
        self.extraWindows = extraWindows
        self.noWaitFriday = noWaitFriday
    }

    /// The hours a calendar keeps on `day`, as the admin page shows them (every weekday, Monday first): the
    /// admin's when saved, else the shipped season's or catalog's sessions in force that day.
    public init(_ calendar: WorkingCalendar, on day: DayKey) {
        let shipped = calendar.seasons.first { $0.applies(on: day) }?.sessions ?? calendar.sessions
        days = (1...7).map { weekday in
            calendar.weekly[weekday] ?? WeekdayHours(weekday: weekday, sessions: weekday <= 5 ? shipped : [])
        }
        extraWindows = calendar.extraWindows
        noWaitFriday = calendar.noWaitFriday
    }
}

extension WeekdayHours {
    static let vietnameseNames = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    static let englishNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    func validate() throws(QueueError) {
        try requireInput((1...7).contains(weekday), "Thứ trong tuần phải từ 1 đến 7.", "The weekday must be 1 to 7.")
        let name = Self.vietnameseNames[weekday - 1]
        let english = Self.englishNames[weekday - 1]
        try requireInput(
            weekday > 5 || !sessions.isEmpty, "\(name) là ngày làm việc: cần ít nhất một buổi.",
            "\(english) is a working day: it needs at least one session.")
        var previousEnd = -1
        for session in sessions.sorted(by: { ($0.startMinute ?? 0) < ($1.startMinute ?? 0) }) {
            try session.validate()
            try requireInput(
                (session.startMinute ?? 0) >= previousEnd, "Các buổi của \(name) chồng lên nhau.", "\(english)'s sessions overlap.")
            previousEnd = session.endMinute ?? 0
        }
        if let lastTicket {
            let first = sessions.compactMap(\.startMinute).min() ?? 0
            try requireInput(
                lastTicketMinute.map { $0 > first && $0 <= previousEnd } == true,
                "Giờ ngừng cấp số của \(name) (“\(lastTicket)”) phải nằm trong giờ làm việc.",
                "\(english)'s ticket cutoff ('\(lastTicket)') must lie within its sessions.")
        }
    }
}

extension WorkingCalendar {
    /// This calendar's years with `hours` as its hours (the shipped seasons dropped).
    public func withHours(_ hours: HallHoursSettings) throws(QueueError) -> WorkingCalendar {
        try WorkingCalendar(
            years: Array(years.values), sessions: sessions, extraWindows: hours.extraWindows, noWaitFriday: hours.noWaitFriday,
            weekly: hours.days)
    }
}
