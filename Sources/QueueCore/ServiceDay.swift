public import Foundation

/// Vietnam's civil time (UTC+7, no daylight saving since 1975) regardless of the server's zone.
///
/// Dates are broken down by arithmetic on the fixed offset rather than through `Calendar` or a date
/// formatter: every event on the live stream carries a timestamp, and formatter-based encoding cost more
/// than the whole SQLite commit.
public enum VietnamTime {
    public static let offsetSeconds: Int64 = 7 * 3600

    public static let timeZone: TimeZone =
        TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: Int(offsetSeconds))!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// A moment's wall-clock reading in Vietnam.
    public struct Reading: Equatable, Sendable {
        public var year, month, day, hour, minute, second: Int
        /// 1 = Monday … 7 = Sunday (ISO 8601).
        public var weekday: Int
    }

    public static func reading(_ date: Date) -> Reading {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        // Civil-from-days (H. Hinnant), proleptic Gregorian.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = Int(((days % 7) + 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
        return Reading(
            year: Int(year), month: Int(month), day: Int(day), hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60, second: secondOfDay % 60, weekday: weekday)
    }

    /// The service day a moment belongs to, as `YYYY-MM-DD`; ticket numbers restart with each one.
    public static func serviceDay(of date: Date) -> String {
        let r = reading(date)
        return "\(pad(r.year, 4))-\(pad(r.month))-\(pad(r.day))"
    }

    /// ISO 8601 with the +07:00 offset, the form every API response uses.
    public static func iso8601(_ date: Date) -> String {
        let r = reading(date)
        return "\(pad(r.year, 4))-\(pad(r.month))-\(pad(r.day))T\(pad(r.hour)):\(pad(r.minute)):\(pad(r.second))+07:00"
    }

    public static func clockTime(_ date: Date) -> String {
        let r = reading(date)
        return "\(pad(r.hour)):\(pad(r.minute))"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
