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
            throw QueueError(.invalidInput,
                message: "Khung giờ bổ sung “\(start)–\(end)” không hợp lệ (dạng HH:MM, bắt đầu trước kết thúc).",
                englishMessage: "Extra window '\(start)–\(end)' is invalid (HH:MM, start before end).")
        }
        try requireInput(from <= to,
            "Khung giờ bổ sung có ngày bắt đầu \(from.vietnamese) sau ngày kết thúc \(to.vietnamese).",
            "Extra window starts on \(from.iso), after its end \(to.iso).")
        try requireInput(!weekdays.isEmpty && weekdays.allSatisfy { (1...7).contains($0) },
            "Khung giờ bổ sung cần các thứ trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật).",
            "Extra window weekdays must be 1 (Monday) to 7 (Sunday).")
    }
}

/// Like `require`, but for configuration passed in by code or an admin form rather than the catalog file.
func requireInput(_ condition: Bool, _ message: String, _ english: String) throws(QueueError) {
    if !condition { throw QueueError(.invalidInput, message: message, englishMessage: english) }
}
