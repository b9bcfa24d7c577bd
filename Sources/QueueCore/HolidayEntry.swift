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
