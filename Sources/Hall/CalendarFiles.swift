public import Foundation
public import QueueCore

/// Reads the service calendar from `assets/calendar/`: one `YYYY.json` per year (holidays, swapped working
/// days) and `settings.json` (extra windows such as the ninth hour, no-wait Friday cutoff). Office sessions
/// come from the catalog.
public enum CalendarFiles {
    struct Settings: Decodable {
        var extraWindows: [ExtraWindow]
        var noWaitFriday: NoWaitFridaySettings
        var seasons: [SessionSeason]?
    }

    /// `overrides` (years the admin edited, from the store) replace the files' years; `hours` (the admin's, from
    /// the store) replace `settings.json` and the catalog's sessions.
    public static func load(
        directory: URL, sessions: [OfficeSession], overrides: [CalendarYear] = [], hours: HallHoursSettings? = nil
    ) throws -> WorkingCalendar {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.count == 9 && $0.hasSuffix(".json") && Int($0.prefix(4)) != nil }
            .sorted()
        let shipped = try files.map { name in
            do {
                return try CalendarYear.decode(try Data(contentsOf: directory.appendingPathComponent(name)))
            } catch let error as QueueError {
                throw QueueError(error.code, message: "\(name): \(error.message)", englishMessage: "\(name): \(error.englishMessage)")
            }
        }
        let edited = Set(overrides.map(\.year))
        let years = shipped.filter { !edited.contains($0.year) } + overrides
        let settingsURL = directory.appendingPathComponent("settings.json")
        let settings =
            FileManager.default.fileExists(atPath: settingsURL.path)
            ? try JSONDecoder().decode(Settings.self, from: Data(contentsOf: settingsURL))
            : Settings(extraWindows: [], noWaitFriday: NoWaitFridaySettings(), seasons: nil)
        let shippedHours = try WorkingCalendar(
            years: years, sessions: sessions, extraWindows: settings.extraWindows, noWaitFriday: settings.noWaitFriday,
            seasons: settings.seasons ?? [])
        return try hours.map { try shippedHours.withHours($0) } ?? shippedHours
    }
}
