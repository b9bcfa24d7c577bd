public import Foundation

/// A civil date in Vietnam (year, month, day) with no time of day.
///
/// Holidays, swapped days and statutory deadlines are all counted in whole civil days, so the calendar works on
/// this key rather than on `Date`; conversions go through Vietnam's fixed UTC+7 offset by arithmetic, keeping
/// QueueCore free of time-zone databases and clock reads.
public struct DayKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid proleptic Gregorian date, or `nil` (30 February, month 13 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the strict `YYYY-MM-DD` form used by the calendar files.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The Vietnam civil day a moment falls on, whatever the server's zone.
    public init(_ date: Date) {
        let reading = VietnamTime.reading(date)
        self.init(unchecked: reading.year, reading.month, reading.day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (H. Hinnant's days-from-civil), the basis for weekday and day arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601), as in `VietnamTime.Reading`.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public var isWeekend: Bool { weekday >= 6 }

    /// Weekday names indexed by `weekday - 1` (Monday first), as reports and the kiosk print them.
    public static let vietnameseWeekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    /// The same in English.
    public static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "Thứ Hai" … "Chủ Nhật", for a citizen told when to come back.
    public var vietnameseWeekday: String { Self.vietnameseWeekdays[weekday - 1] }

    /// "Monday" … "Sunday".
    public var englishWeekday: String { Self.englishWeekdays[weekday - 1] }

    public func adding(days: Int) -> DayKey {
        let date = Date(timeIntervalSince1970: TimeInterval((dayNumber + days) * 86_400))
        // Midnight UTC is 07:00 in Vietnam on the same civil day.
        return DayKey(date)
    }

    /// The instant of `minute` minutes after midnight on this day, Vietnam time.
    public func date(atMinute minute: Int) -> Date {
        let seconds = Int64(dayNumber) * 86_400 + Int64(minute) * 60 - VietnamTime.offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `YYYY-MM-DD`, the form of the calendar files.
    public var iso: String { "\(VietnamTime.pad(year, 4))-\(VietnamTime.pad(month))-\(VietnamTime.pad(day))" }

    /// `DD/MM/YYYY`, the form Vietnamese readers expect on tickets and receipts.
    public var vietnamese: String { "\(VietnamTime.pad(day))/\(VietnamTime.pad(month))/\(VietnamTime.pad(year, 4))" }

    public var description: String { iso }

    public static func < (lhs: DayKey, rhs: DayKey) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Encoded as `YYYY-MM-DD` so administrator-edited JSON reads like a date, not like three numbers.
extension DayKey: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = DayKey(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a valid YYYY-MM-DD date")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
