import Foundation

/// A reporting period as first and last service day, both inclusive, parsed from the text the API and CLI take:
/// `day:2026-03-02`, `week:2026-W10`, `month:2026-03`, `quarter:2026-Q1`, `year:2026`,
/// `custom:2026-01-05..2026-02-10`.
///
/// Quarters and years are the reporting ones the centre reports upward, not calendar ones: a quarter runs from the
/// 15th of the month before it to the 14th of its last month (Q1 2026 = 15/12/2025 … 14/03/2026), a year from
/// 15 December of the previous year to 14 December. Weeks are ISO 8601 weeks, Monday to Sunday.
public struct ReportPeriod: Sendable, Equatable, Hashable {
    /// The kind of period: day, week, month, quarter, year or custom range.
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

/// Encoded for report headers as `{kind, text, first, last, label, englishLabel}`; decoded from `text` alone
/// (re-parsed, so a hand-edited JSON cannot smuggle in an inconsistent range).
extension ReportPeriod: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, text, first, last, label, englishLabel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .text)
        do {
            try self.init(parsing: text)
        } catch let error as QueueError {
            throw DecodingError.dataCorruptedError(forKey: .text, in: container, debugDescription: error.englishMessage)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(first, forKey: .first)
        try container.encode(last, forKey: .last)
        try container.encode(label, forKey: .label)
        try container.encode(englishLabel, forKey: .englishLabel)
    }
}

extension ReportPeriod {
    /// The heading printed on a report, e.g. “Quý I/2026 (15/12/2025 – 14/03/2026)”.
    public var label: String {
        switch kind {
        case .day: "Ngày \(first.vietnamese)"
        case .week: "Tuần \(number)/\(namedYear) \(range)"
        case .month: "Tháng \(VietnamTime.pad(number))/\(namedYear) \(range)"
        case .quarter: "Quý \(Self.roman[number - 1])/\(namedYear) \(range)"
        case .year: "Năm \(namedYear) \(range)"
        case .custom: "Từ \(first.vietnamese) đến \(last.vietnamese)"
        }
    }

    /// The same heading in English, e.g. “Q1 2026 (15/12/2025 – 14/03/2026)”.
    public var englishLabel: String {
        switch kind {
        case .day: "Day \(first.vietnamese)"
        case .week: "Week \(number) of \(namedYear) \(range)"
        case .month: "Month \(VietnamTime.pad(number))/\(namedYear) \(range)"
        case .quarter: "Q\(number) \(namedYear) \(range)"
        case .year: "Year \(namedYear) \(range)"
        case .custom: "From \(first.vietnamese) to \(last.vietnamese)"
        }
    }

    private var range: String { "(\(first.vietnamese) – \(last.vietnamese))" }

    private static let roman = ["I", "II", "III", "IV"]
}

extension ReportPeriod {
    /// Years a period may be named in: wide enough for any real report, narrow enough that every derived date
    /// (the reporting year starts in the previous December) stays a valid `DayKey`.
    static let years = 1971...9998

    /// Parses `kind:value`; malformed text, impossible dates, reversed or over-long custom ranges throw a
    /// `QueueError` (`invalid_input`) that says which, in Vietnamese and English.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"), let kind = Kind(rawValue: String(trimmed[..<colon]).lowercased())
        else { throw Self.malformed(text) }
        let value = String(trimmed[trimmed.index(after: colon)...])
        switch kind {
        case .day:
            let day = try Self.day(value, in: text)
            self.init(kind: .day, first: day, last: day, number: 0, namedYear: day.year)
        case .week:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 3, parts[1].first == "W",
                let year = Self.number(parts[0], digits: 4), let week = Self.number(parts[1].dropFirst(), digits: 2)
            else { throw Self.malformed(text) }
            try Self.checkYear(year, text)
            let weeks = Self.isoWeeks(in: year)
            guard (1...weeks).contains(week) else {
                throw QueueError.invalid(
                    "Năm \(year) không có tuần \(week) (chỉ có \(weeks) tuần theo ISO 8601).",
                    "Week \(week) does not exist in \(year) (it has \(weeks) ISO weeks).")
            }
            let monday = Self.isoWeekOneMonday(year).adding(days: (week - 1) * 7)
            self.init(kind: .week, first: monday, last: monday.adding(days: 6), number: week, namedYear: year)
        case .month:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let year = Self.number(parts[0], digits: 4), let month = Self.number(parts[1], digits: 2)
            else { throw Self.malformed(text) }
            try Self.checkYear(year, text)
            guard let first = DayKey(year: year, month: month, day: 1) else { throw Self.impossible(value) }
            let last = DayKey(year: year, month: month, day: DayKey.daysInMonth(year: year, month: month)) ?? first
            self.init(kind: .month, first: first, last: last, number: month, namedYear: year)
        case .quarter:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, parts[1].first == "Q", let year = Self.number(parts[0], digits: 4),
                let quarter = Self.number(parts[1].dropFirst(), digits: 1)
            else { throw Self.malformed(text) }
            try Self.checkYear(year, text)
            guard (1...4).contains(quarter) else { throw Self.impossible(value) }
            // Q1 starts on 15 December of the previous year; each later one three months on.
            let startMonth = quarter == 1 ? 12 : (quarter - 1) * 3
            let startYear = quarter == 1 ? year - 1 : year
            guard let first = DayKey(year: startYear, month: startMonth, day: 15),
                let last = DayKey(year: year, month: quarter * 3, day: 14)
            else { throw Self.impossible(value) }
            self.init(kind: .quarter, first: first, last: last, number: quarter, namedYear: year)
        case .year:
            guard let year = Self.number(Substring(value), digits: 4) else { throw Self.malformed(text) }
            try Self.checkYear(year, text)
            guard let first = DayKey(year: year - 1, month: 12, day: 15), let last = DayKey(year: year, month: 12, day: 14)
            else { throw Self.impossible(value) }
            self.init(kind: .year, first: first, last: last, number: 0, namedYear: year)
        case .custom:
            let ends = value.components(separatedBy: "..")
            guard ends.count == 2 else { throw Self.malformed(text) }
            let first = try Self.day(ends[0], in: text)
            let last = try Self.day(ends[1], in: text)
            guard first <= last else {
                throw QueueError.invalid(
                    "Khoảng thời gian ngược: ngày kết thúc \(last.vietnamese) trước ngày bắt đầu \(first.vietnamese).",
                    "Reversed range: it ends (\(last.iso)) before it starts (\(first.iso)).")
            }
            let days = last.dayNumber - first.dayNumber + 1
            guard days <= Self.maximumDays else {
                throw QueueError.invalid(
                    "Kỳ báo cáo vượt giới hạn: khoảng tùy chọn dài \(days) ngày, tối đa \(Self.maximumDays) ngày.",
                    "Period out of range: the custom range spans \(days) days, at most \(Self.maximumDays) are allowed.")
            }
            self.init(kind: .custom, first: first, last: last, number: 0, namedYear: first.year)
        }
    }

    /// Monday of ISO week 1: the week that holds 4 January.
    static func isoWeekOneMonday(_ year: Int) -> DayKey {
        // Always valid for the years accepted; the epoch is only a type-level fallback.
        let january4 = DayKey(year: year, month: 1, day: 4) ?? DayKey(Date(timeIntervalSince1970: 0))
        return january4.adding(days: 1 - january4.weekday)
    }

    /// 52 or 53: the weeks between this year's week-1 Monday and next year's.
    static func isoWeeks(in year: Int) -> Int {
        (isoWeekOneMonday(year + 1).dayNumber - isoWeekOneMonday(year).dayNumber) / 7
    }

    private static func day(_ text: String, in whole: String) throws -> DayKey {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = number(parts[0], digits: 4), number(parts[1], digits: 2) != nil,
            number(parts[2], digits: 2) != nil
        else { throw malformed(whole) }
        try checkYear(year, whole)
        guard let day = DayKey(iso: text) else { throw impossible(text) }
        return day
    }

    private static func number(_ text: Substring, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func checkYear(_ year: Int, _ text: String) throws {
        guard years.contains(year) else {
            throw QueueError.invalid(
                "Kỳ báo cáo vượt giới hạn: năm \(year) nằm ngoài \(years.lowerBound)–\(years.upperBound) (“\(text)”).",
                "Period out of range: year \(year) is outside \(years.lowerBound)–\(years.upperBound) ('\(text)').")
        }
    }

    private static func malformed(_ text: String) -> QueueError {
        QueueError.invalid(
            "Kỳ báo cáo “\(text)” không đúng dạng; dùng day:2026-03-02, week:2026-W10, month:2026-03, quarter:2026-Q1, year:2026 hoặc custom:2026-01-05..2026-02-10.",
            "Malformed period '\(text)': use day:2026-03-02, week:2026-W10, month:2026-03, quarter:2026-Q1, year:2026 or custom:2026-01-05..2026-02-10."
        )
    }

    private static func impossible(_ text: String) -> QueueError {
        QueueError.invalid("Ngày “\(text)” không tồn tại.", "No such date: '\(text)'.")
    }
}
