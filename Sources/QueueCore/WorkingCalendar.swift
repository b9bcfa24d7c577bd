public import Foundation

/// The service calendar: which days the hall works and until when, from yearly holiday files, the office
/// sessions, dated extra windows and the no-wait Friday settings.
///
/// Pure and deterministic: every question takes the day or instant as an argument. A day in a year with no
/// calendar file is an error, never a guess, because a missed Tết would shift every promised date.
public struct WorkingCalendar: Sendable {
    public let years: [Int: CalendarYear]
    public let sessions: [OfficeSession]
    public let extraWindows: [ExtraWindow]
    public let noWaitFriday: NoWaitFridaySettings
    /// Seasonal hours that replace `sessions` on their days.
    public let seasons: [SessionSeason]
    /// The admin's hours per weekday (1 = Monday); empty: `sessions` Monday to Friday.
    public let weekly: [Int: WeekdayHours]

    let holidays: Set<DayKey>
    let swappedDays: Set<DayKey>
    /// (start, end) minutes of each session, validated once.
    let sessionMinutes: [(start: Int, end: Int)]

    public init(
        years: [CalendarYear], sessions: [OfficeSession], extraWindows: [ExtraWindow] = [],
        noWaitFriday: NoWaitFridaySettings = NoWaitFridaySettings(), seasons: [SessionSeason] = [],
        weekly: [WeekdayHours] = []
    ) throws(QueueError) {
        var byYear: [Int: CalendarYear] = [:]
        for year in years {
            try year.validate()
            try requireInput(
                byYear[year.year] == nil,
                "Lịch năm \(year.year) được nạp hai lần.", "The \(year.year) calendar is loaded twice.")
            byYear[year.year] = year
        }
        try requireInput(
            !sessions.isEmpty,
            "Cần ít nhất một buổi làm việc.", "At least one office session is required.")
        var minutes: [(start: Int, end: Int)] = []
        for session in sessions {
            try session.validate()
            if let start = session.startMinute, let end = session.endMinute { minutes.append((start, end)) }
        }
        for window in extraWindows { try window.validate() }
        for season in seasons { try season.validate() }
        try noWaitFriday.validate()
        var byWeekday: [Int: WeekdayHours] = [:]
        for day in weekly {
            try day.validate()
            try requireInput(byWeekday[day.weekday] == nil, "Một thứ được khai hai lần.", "A weekday is given twice.")
            byWeekday[day.weekday] = day
        }
        try requireInput(
            weekly.isEmpty || (1...5).allSatisfy { byWeekday[$0] != nil }, "Cần giờ làm việc cho cả Thứ Hai đến Thứ Sáu.",
            "Hours are needed for every day from Monday to Friday.")
        self.weekly = byWeekday
        self.years = byYear
        self.sessions = sessions
        self.extraWindows = extraWindows
        self.noWaitFriday = noWaitFriday
        self.seasons = seasons
        self.holidays = Set(years.flatMap { $0.holidays.compactMap(\.day) })
        self.swappedDays = Set(years.flatMap { $0.swappedWorkingDays.compactMap(\.day) })
        self.sessionMinutes = minutes
    }

    /// Mon–Fri minus holidays, plus swapped working days.
    public func isWorkingDay(_ day: DayKey) throws(QueueError) -> Bool {
        try requireYear(day)
        if swappedDays.contains(day) { return true }
        return !day.isWeekend && !holidays.contains(day)
    }

    /// The holiday's name when `day` is a listed holiday, for explanations on screens.
    public func holidayName(_ day: DayKey) -> String? {
        years[day.year]?.holidays.first { $0.day == day }?.name
    }

    public func nextWorkingDay(after day: DayKey) throws(QueueError) -> DayKey {
        var candidate = day.adding(days: 1)
        // Terminates: each step moves forward and a year without a file throws.
        while try !isWorkingDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The `count`-th working day after `day`; `day` itself is not counted (the starting day of a period is
    /// excluded, as in the Civil Code), and `count == 0` returns `day`.
    public func addWorkingDays(_ count: Int, to day: DayKey) throws(QueueError) -> DayKey {
        try requireInput(
            count >= 0,
            "Số ngày làm việc không được âm (\(count)).", "Working-day count must not be negative (\(count)).")
        var result = day
        for _ in 0..<count { result = try nextWorkingDay(after: result) }
        return result
    }

    /// Minute of the day the hall closes on `day`: the end of the last session, or of an extra window in force
    /// when that is later; `nil` on a non-working day.
    public func closingMinute(on day: DayKey) throws(QueueError) -> Int? {
        guard try receives(on: day) else { return nil }
        let sessionEnd = sessionMinutes(on: day).map(\.end).max() ?? 0
        let windowEnd = extraWindows.filter { $0.applies(on: day) }.compactMap(\.endMinute).max() ?? 0
        return max(sessionEnd, windowEnd)
    }

    /// The closing instant on `day`, `nil` on a non-working day.
    public func closingTime(on day: DayKey) throws(QueueError) -> Date? {
        try closingMinute(on: day).map { day.date(atMinute: $0) }
    }

    /// Whether the hall is receiving at `date`: a working day and inside a session or an extra window in force.
    public func isOpen(at date: Date) throws(QueueError) -> Bool {
        let day = DayKey(date)
        guard try receives(on: day) else { return false }
        let minute = Self.minuteOfDay(date)
        if sessionMinutes(on: day).contains(where: { $0.start <= minute && minute < $0.end }) { return true }
        return extraWindows.contains { window in
            guard window.applies(on: day), let start = window.startMinute, let end = window.endMinute else { return false }
            return start <= minute && minute < end
        }
    }

    /// Whether the hall receives citizens on `day`: every working day, and a weekend day that is not a holiday
    /// when the admin gave that weekday sessions (Saturday mornings).
    public func receives(on day: DayKey) throws(QueueError) -> Bool {
        if try isWorkingDay(day) { return true }
        return !holidays.contains(day) && !(weekly[day.weekday]?.sessions.isEmpty ?? true)
    }

    /// The sessions in force on `day`: the first season that applies, else the admin's for that weekday (a
    /// swapped working Saturday without its own keeps Monday's), else the catalog's.
    func sessionMinutes(on day: DayKey) -> [(start: Int, end: Int)] {
        if let season = seasons.first(where: { $0.applies(on: day) }) { return Self.minutes(season.sessions) }
        guard !weekly.isEmpty else { return sessionMinutes }
        let own = weekly[day.weekday]?.sessions ?? []
        return Self.minutes(own.isEmpty && swappedDays.contains(day) ? weekly[1]?.sessions ?? [] : own)
    }

    /// The admin's closing cutoff for `day`'s weekday, if any (not on a season's days, which keep their hours).
    func lastTicketMinute(on day: DayKey) -> Int? {
        guard !seasons.contains(where: { $0.applies(on: day) }) else { return nil }
        return weekly[day.weekday]?.lastTicketMinute
    }

    static func minutes(_ sessions: [OfficeSession]) -> [(start: Int, end: Int)] {
        sessions.compactMap { session in
            guard let start = session.startMinute, let end = session.endMinute else { return nil }
            return (start, end)
        }.sorted { $0.start < $1.start }
    }

    static func minuteOfDay(_ date: Date) -> Int {
        let reading = VietnamTime.reading(date)
        return reading.hour * 60 + reading.minute
    }

    func requireYear(_ day: DayKey) throws(QueueError) {
        guard years[day.year] != nil else {
            throw QueueError(
                .invalidInput,
                message:
                    "Chưa có lịch ngày nghỉ năm \(day.year) (cần tệp assets/calendar/\(day.year).json); không thể tính ngày \(day.vietnamese).",
                englishMessage: "No holiday calendar for \(day.year) (assets/calendar/\(day.year).json); cannot evaluate \(day.iso).")
        }
    }
}
