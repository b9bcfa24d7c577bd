public import Foundation
import QueueCore

/// When the nightly backup runs and which backups it keeps — pure rules, so they are tested with exact dates.
///
/// Backups are `backups/khongcho-YYYY-MM-DD.sqlite`, one per service day, taken once the hall has closed
/// (`at`, Vietnam time, 21:00 by default). Kept: the newest `keepDaily` days, and the first backup of each of the
/// newest `keepMonthly` months. Other files in the directory (an operator's own copies) are never touched.
public struct BackupSchedule: Sendable, Equatable {
    public var hour: Int
    public var minute: Int
    public var keepDaily: Int
    public var keepMonthly: Int

    public init(hour: Int = 21, minute: Int = 0, keepDaily: Int = 14, keepMonthly: Int = 12) {
        self.hour = hour
        self.minute = minute
        self.keepDaily = keepDaily
        self.keepMonthly = keepMonthly
    }

    /// `HH:MM` (24-hour, Vietnam time), or nil when it is not one.
    public init?(time: String, keepDaily: Int, keepMonthly: Int) {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(hour: hour, minute: minute, keepDaily: keepDaily, keepMonthly: keepMonthly)
    }

    public static let prefix = "khongcho-"
    public static let suffix = ".sqlite"

    public static func fileName(day: String) -> String { "\(prefix)\(day)\(suffix)" }

    /// The service day a nightly backup's name carries, nil for any other file.
    public static func day(ofFile name: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let day = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        return DayKey(iso: day) == nil ? nil : day
    }

    /// The day whose backup is due at `now`: today once the backup time has passed, else nil.
    public func dueDay(at now: Date) -> String? {
        let parts = VietnamTime.calendar.dateComponents([.hour, .minute], from: now)
        let minutes = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return minutes >= hour * 60 + minute ? VietnamTime.serviceDay(of: now) : nil
    }

    /// The nightly backups among `names` to delete.
    public func expired(among names: [String]) -> [String] {
        let days = names.compactMap { name in Self.day(ofFile: name).map { (day: $0, name: name) } }.sorted { $0.day > $1.day }
        var kept = Set(days.prefix(keepDaily).map(\.name))
        var months: [String: String] = [:]  // month → the name of its first backup
        for entry in days { months[String(entry.day.prefix(7))] = entry.name }
        for month in months.keys.sorted(by: >).prefix(keepMonthly) { kept.insert(months[month]!) }
        return days.map(\.name).filter { !kept.contains($0) }.sorted()
    }
}
