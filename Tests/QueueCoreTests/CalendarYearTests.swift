import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Yearly calendar files")
struct CalendarYearTests {
    @Test(arguments: [2026, 2027])
    func realAssetFilesLoadAndValidate(year: Int) throws {
        let calendar = try CalendarFixture.year(year)
        #expect(calendar.year == year)
        #expect(calendar.holidays.count == 11)
        #expect(calendar.holidays.allSatisfy { $0.day?.year == year })
        #expect(!calendar.source.isEmpty)
    }

    @Test func assetHolidaysIncludeTheLunarDates() throws {
        let days2026 = Set(try CalendarFixture.year(2026).holidays.compactMap(\.day))
        #expect(days2026.contains(CalendarFixture.day("2026-02-17")))
        #expect(days2026.contains(CalendarFixture.day("2026-04-27")))
        let days2027 = Set(try CalendarFixture.year(2027).holidays.compactMap(\.day))
        #expect(days2027.contains(CalendarFixture.day("2027-04-16")))
        #expect(days2027.contains(CalendarFixture.day("2027-05-03")))
    }

    @Test(
        arguments: [
            (
                [HolidayEntry(date: "2026-02-30", name: "Sai")], [HolidayEntry](),
                "Ngày “2026-02-30” trong lịch năm 2026 không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).",
                "Date '2026-02-30' in the 2026 calendar is not a valid YYYY-MM-DD date."
            ),
            (
                [HolidayEntry(date: "16/02/2026", name: "Tết")], [],
                "Ngày “16/02/2026” trong lịch năm 2026 không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).",
                "Date '16/02/2026' in the 2026 calendar is not a valid YYYY-MM-DD date."
            ),
            (
                [HolidayEntry(date: "2027-01-01", name: "Tết Dương lịch")], [],
                "Ngày “2027-01-01” không thuộc năm 2026 của tệp lịch.",
                "Date '2027-01-01' is not in the calendar's year 2026."
            ),
            (
                [HolidayEntry(date: "2026-02-16", name: "Tết"), HolidayEntry(date: "2026-02-16", name: "Tết nữa")], [],
                "Ngày “2026-02-16” bị khai báo hai lần trong lịch năm 2026.",
                "Date '2026-02-16' is listed twice in the 2026 calendar."
            ),
            (
                [HolidayEntry(date: "2026-01-03", name: "Nghỉ")], [HolidayEntry(date: "2026-01-03", name: "Làm bù")],
                "Ngày “2026-01-03” bị khai báo hai lần trong lịch năm 2026.",
                "Date '2026-01-03' is listed twice in the 2026 calendar."
            ),
            (
                [], [HolidayEntry(date: "2026-01-05", name: "Làm bù")],
                "Ngày làm bù “2026-01-05” phải là thứ Bảy hoặc Chủ nhật.",
                "Swapped working day '2026-01-05' must be a Saturday or Sunday."
            ),
            (
                [HolidayEntry(date: "2026-01-01", name: "  ")], [],
                "Ngày “2026-01-01” trong lịch năm 2026 cần có tên.",
                "Date '2026-01-01' in the 2026 calendar needs a name."
            ),
        ] as [([HolidayEntry], [HolidayEntry], String, String)])
    func badFilesAreRefusedWithAPreciseMessage(
        holidays: [HolidayEntry], swapped: [HolidayEntry], message: String, english: String
    ) throws {
        let year = CalendarYear(year: 2026, holidays: holidays, swappedWorkingDays: swapped, source: "test")
        let data = try JSONEncoder().encode(year)
        let error = #expect(throws: QueueError.self) { try CalendarYear.decode(data) }
        #expect(error?.code == .invalidCatalog)
        #expect(error?.message == message)
        #expect(error?.englishMessage == english)
        // The calendar refuses the same year when built directly.
        #expect(throws: QueueError.self) { try WorkingCalendar(years: [year], sessions: CalendarFixture.sessions) }
    }

    @Test func undecodableFileIsAnInvalidCatalog() {
        let error = #expect(throws: QueueError.self) { try CalendarYear.decode(Data("{\"year\": 2026}".utf8)) }
        #expect(error?.code == .invalidCatalog)
        #expect(error?.message.hasPrefix("Tệp lịch năm không đọc được") == true)
    }

    @Test func yearOutOfRangeIsRefused() {
        let error = #expect(throws: QueueError.self) { try CalendarYear(year: 1900, holidays: [], source: "x").validate() }
        #expect(error?.englishMessage == "Calendar year 1900 is out of range.")
    }
}
