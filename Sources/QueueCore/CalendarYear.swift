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
            throw QueueError(.invalidCatalog,
                message: "Tệp lịch năm không đọc được (cần year, holidays, swappedWorkingDays, source): \(error).",
                englishMessage: "The calendar file could not be decoded (needs year, holidays, swappedWorkingDays, source): \(error).")
        }
        try year.validate()
        return year
    }
}
