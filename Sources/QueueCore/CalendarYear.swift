public import Foundation

/// The content of `assets/calendar/YYYY.json`: one year's public holidays and swapped working days.
///
/// Tết and Giỗ Tổ follow the lunar calendar and the government announces bridges and swaps each year, so
/// the dates cannot be computed and come from a file the administrator can correct.
public struct CalendarYear: Codable, Sendable, Equatable {
    public var year: Int
    public var holidays: [HolidayEntry]
    /// Saturdays (or Sundays) worked to compensate for a bridged weekday.
    public var swappedWorkingDays: [HolidayEntry]
    /// Where the dates come from and what was verified, shown to the administrator.
    public var source: String

    public init(year: Int, holidays: [HolidayEntry], swappedWorkingDays: [HolidayEntry] = [], source: String) {
        self.year = year
        self.holidays = holidays
        self.swappedWorkingDays = swappedWorkingDays
        self.source = source
    }

    /// Decodes and validates a calendar file's bytes; reading the file is the caller's job (QueueCore does no I/O).
    public static func decode(_ data: Data) throws(QueueError) -> CalendarYear {
        let year: CalendarYear
        do {
            year = try JSONDecoder().decode(CalendarYear.self, from: data)
        } catch {
            throw QueueError(
                .invalidCatalog,
                message: "Tệp lịch năm không đọc được (cần year, holidays, swappedWorkingDays, source): \(error).",
                englishMessage: "The calendar file could not be decoded (needs year, holidays, swappedWorkingDays, source): \(error).")
        }
        try year.validate()
        return year
    }
}

/// Refuses a calendar file that would silently shift deadlines: a typo'd date, a date of another year, a
/// day listed twice, or a "swapped working day" that is already a weekday.
extension CalendarYear {
    public func validate() throws(QueueError) {
        try require(
            (2000...2100).contains(year),
            "Năm \(year) của tệp lịch không hợp lệ.", "Calendar year \(year) is out of range.")
        var seen: Set<DayKey> = []
        for (entry, kind) in holidays.map({ ($0, false) }) + swappedWorkingDays.map({ ($0, true) }) {
            guard let day = entry.day else {
                throw QueueError(
                    .invalidCatalog,
                    message: "Ngày “\(entry.date)” trong lịch năm \(year) không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).",
                    englishMessage: "Date '\(entry.date)' in the \(year) calendar is not a valid YYYY-MM-DD date.")
            }
            try require(
                day.year == year,
                "Ngày “\(entry.date)” không thuộc năm \(year) của tệp lịch.",
                "Date '\(entry.date)' is not in the calendar's year \(year).")
            try require(
                !entry.name.trimmed.isEmpty,
                "Ngày “\(entry.date)” trong lịch năm \(year) cần có tên.",
                "Date '\(entry.date)' in the \(year) calendar needs a name.")
            try require(
                seen.insert(day).inserted,
                "Ngày “\(entry.date)” bị khai báo hai lần trong lịch năm \(year).",
                "Date '\(entry.date)' is listed twice in the \(year) calendar.")
            if kind {
                try require(
                    day.isWeekend,
                    "Ngày làm bù “\(entry.date)” phải là thứ Bảy hoặc Chủ nhật.",
                    "Swapped working day '\(entry.date)' must be a Saturday or Sunday.")
            }
        }
    }
}

/// One dated line of a yearly calendar file: a holiday or a Saturday worked in compensation.
///
/// The date stays as the text the administrator typed so validation can quote it back verbatim
/// (“2026-02-30”), which a decoded `DayKey` could not.
public struct HolidayEntry: Codable, Sendable, Equatable {
    public var date: String
    public var name: String

    public init(date: String, name: String) {
        self.date = date
        self.name = name
    }

    /// The parsed civil date, `nil` when the text is not a valid `YYYY-MM-DD` date.
    public var day: DayKey? { DayKey(iso: date) }
}

/// Settings of the no-wait Friday (“Ngày Thứ sáu không chờ”): listed procedures received on a working
/// Friday are returned the same day, but files arriving too late for that are promised for the next
/// working morning instead.
public struct NoWaitFridaySettings: Codable, Sendable, Equatable {
    public var enabled: Bool
    /// Minute of the day from which a Friday intake no longer gets a same-day result (default 15:30).
    /// An intake at exactly the cutoff minute counts as *after* it: the plan's wording is “received before
    /// 15:30”, and staff need the remaining time to finish the files already accepted.
    public var cutoffMinute: Int
    /// Minute of the next working day by which late-Friday files are returned (default 09:00).
    public var nextDayMinute: Int

    public init(enabled: Bool = true, cutoffMinute: Int = 15 * 60 + 30, nextDayMinute: Int = 9 * 60) {
        self.enabled = enabled
        self.cutoffMinute = cutoffMinute
        self.nextDayMinute = nextDayMinute
    }

    public func validate() throws(QueueError) {
        try requireInput(
            (0..<1440).contains(cutoffMinute) && (0..<1440).contains(nextDayMinute),
            "Giờ chốt nhận hồ sơ ngày Thứ sáu không chờ không hợp lệ.",
            "The no-wait Friday cutoff or next-day time is out of range.")
    }
}

/// A dated extra opening window, such as the ninth hour (“giờ thứ 9”, 16:30–17:30 on weekdays from
/// 23/02/2026 to 23/03/2026), added by a local plan on top of the ordinary sessions.
public struct ExtraWindow: Codable, Sendable, Equatable {
    /// First and last day the window applies, both included.
    public var from: DayKey
    public var to: DayKey
    /// 1 = Monday … 7 = Sunday; the ninth hour runs on weekdays only, so a swapped Saturday is not extended.
    public var weekdays: [Int]
    public var start: String
    public var end: String

    public init(from: DayKey, to: DayKey, weekdays: [Int] = [1, 2, 3, 4, 5], start: String, end: String) {
        self.from = from
        self.to = to
        self.weekdays = weekdays
        self.start = start
        self.end = end
    }

    public var startMinute: Int? { OfficeSession.minutes(start) }
    public var endMinute: Int? { OfficeSession.minutes(end) }

    /// Whether the window is in force on `day` (the caller still checks that the day is a working day).
    public func applies(on day: DayKey) -> Bool {
        from <= day && day <= to && weekdays.contains(day.weekday)
    }

    public func validate() throws(QueueError) {
        guard let startMinute, let endMinute, startMinute < endMinute else {
            throw QueueError(
                .invalidInput,
                message: "Khung giờ bổ sung “\(start)–\(end)” không hợp lệ (dạng HH:MM, bắt đầu trước kết thúc).",
                englishMessage: "Extra window '\(start)–\(end)' is invalid (HH:MM, start before end).")
        }
        try requireInput(
            from <= to,
            "Khung giờ bổ sung có ngày bắt đầu \(from.vietnamese) sau ngày kết thúc \(to.vietnamese).",
            "Extra window starts on \(from.iso), after its end \(to.iso).")
        try requireInput(
            !weekdays.isEmpty && weekdays.allSatisfy { (1...7).contains($0) },
            "Khung giờ bổ sung cần các thứ trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật).",
            "Extra window weekdays must be 1 (Monday) to 7 (Sunday).")
    }
}

/// Like `require`, but for configuration passed in by code or an admin form rather than the catalog file.
func requireInput(_ condition: Bool, _ message: String, _ english: String) throws(QueueError) {
    if !condition { throw QueueError(.invalidInput, message: message, englishMessage: english) }
}

/// Seasonal office hours: between two month-days of every year (e.g. winter hours from 15 October to
/// 14 April, wrapping over New Year) the hall keeps these sessions instead of the catalog's.
public struct SessionSeason: Codable, Sendable, Equatable {
    public var name: String
    /// First and last day of the season, `MM-DD`, both included; `from` after `to` wraps over New Year.
    public var from: String
    public var to: String
    public var sessions: [OfficeSession]

    public init(name: String, from: String, to: String, sessions: [OfficeSession]) {
        self.name = name
        self.from = from
        self.to = to
        self.sessions = sessions
    }

    public func applies(on day: DayKey) -> Bool {
        guard let start = Self.monthDay(from), let end = Self.monthDay(to) else { return false }
        let today = day.month * 100 + day.day
        return start <= end ? (start...end).contains(today) : (today >= start || today <= end)
    }

    public func validate() throws(QueueError) {
        guard Self.monthDay(from) != nil, Self.monthDay(to) != nil else {
            throw QueueError(
                .invalidInput,
                message: "Mùa “\(name)”: ngày bắt đầu/kết thúc phải có dạng MM-DD (nhận “\(from)”, “\(to)”).",
                englishMessage: "Season '\(name)': from/to must be MM-DD (got '\(from)', '\(to)').")
        }
        guard !sessions.isEmpty else {
            throw QueueError(
                .invalidInput, message: "Mùa “\(name)” cần ít nhất một buổi làm việc.",
                englishMessage: "Season '\(name)' needs at least one session.")
        }
        for session in sessions { try session.validate() }
    }

    /// `MM-DD` → month × 100 + day, for a real day of a leap year.
    static func monthDay(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]), DayKey(year: 2028, month: month, day: day) != nil
        else { return nil }
        return month * 100 + day
    }
}
