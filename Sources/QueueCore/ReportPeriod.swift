/// A reporting period as first and last service day, both inclusive, parsed from the text the API and CLI take:
/// `day:2026-03-02`, `week:2026-W10`, `month:2026-03`, `quarter:2026-Q1`, `year:2026`,
/// `custom:2026-01-05..2026-02-10`.
///
/// Quarters and years are the reporting ones the centre reports upward, not calendar ones: a quarter runs from the
/// 15th of the month before it to the 14th of its last month (Q1 2026 = 15/12/2025 … 14/03/2026), a year from
/// 15 December of the previous year to 14 December. Weeks are ISO 8601 weeks, Monday to Sunday.
public struct ReportPeriod: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case day, week, month, quarter, year, custom
    }

    public let kind: Kind
    public let first: DayKey
    public let last: DayKey
    /// The ISO-week, month or quarter number the period was named by (0 for day, year and custom).
    public let number: Int
    /// The year the period was named by (the reporting year for quarters and years, the ISO year for weeks).
    public let namedYear: Int

    /// Longest custom range accepted, so a typo cannot ask for a century of tickets.
    public static let maximumDays = 400

    init(kind: Kind, first: DayKey, last: DayKey, number: Int, namedYear: Int) {
        self.kind = kind
        self.first = first
        self.last = last
        self.number = number
        self.namedYear = namedYear
    }

    /// Number of civil days in the period, both ends included.
    public var dayCount: Int { last.dayNumber - first.dayNumber + 1 }

    public func contains(_ day: DayKey) -> Bool { first <= day && day <= last }

    /// The canonical text form, e.g. `quarter:2026-Q1`; parsing it gives this period back.
    public var text: String {
        switch kind {
        case .day: "day:\(first.iso)"
        case .week: "week:\(VietnamTime.pad(namedYear, 4))-W\(VietnamTime.pad(number))"
        case .month: "month:\(VietnamTime.pad(namedYear, 4))-\(VietnamTime.pad(number))"
        case .quarter: "quarter:\(VietnamTime.pad(namedYear, 4))-Q\(number)"
        case .year: "year:\(VietnamTime.pad(namedYear, 4))"
        case .custom: "custom:\(first.iso)..\(last.iso)"
        }
    }
}
