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
            throw QueueError(.invalidInput,
                message: "Mùa “\(name)”: ngày bắt đầu/kết thúc phải có dạng MM-DD (nhận “\(from)”, “\(to)”).",
                englishMessage: "Season '\(name)': from/to must be MM-DD (got '\(from)', '\(to)').")
        }
        guard !sessions.isEmpty else {
            throw QueueError(.invalidInput, message: "Mùa “\(name)” cần ít nhất một buổi làm việc.",
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
