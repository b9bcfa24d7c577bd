import Foundation
import KioskTesting
import QueueCore
import Testing

/// The real calendar files plus the catalog's sessions, shared by the calendar and promise tests.
enum CalendarFixture {
    static let sessions = [OfficeSession(start: "07:30", end: "11:30"), OfficeSession(start: "13:30", end: "17:00")]
    /// The ninth hour of seed 004: 16:30–17:30, Mon–Fri, 23/02/2026–23/03/2026.
    static let ninthHour = ExtraWindow(from: day("2026-02-23"), to: day("2026-03-23"), start: "16:30", end: "17:30")

    static func year(_ year: Int) throws -> CalendarYear {
        let url = TestHall.repositoryAssets.appendingPathComponent("calendar/\(year).json")
        return try CalendarYear.decode(Data(contentsOf: url))
    }

    static func calendar(
        extraWindows: [ExtraWindow] = [], noWaitFriday: NoWaitFridaySettings = NoWaitFridaySettings()
    ) throws -> WorkingCalendar {
        try WorkingCalendar(
            years: [year(2026), year(2027)], sessions: sessions, extraWindows: extraWindows, noWaitFriday: noWaitFriday)
    }

    static func day(_ text: String) -> DayKey {
        guard let key = DayKey(iso: text) else { preconditionFailure("bad test day \(text)") }
        return key
    }
}

@Suite("Working calendar")
struct CalendarTests {
    @Test(arguments: [
        ("2026-01-01", false),  // Tết Dương lịch, Thursday
        ("2026-01-02", true),
        ("2026-01-03", false),  // Saturday
        ("2026-02-13", true),  // last Friday before Tết
        ("2026-02-16", false), ("2026-02-17", false), ("2026-02-18", false), ("2026-02-19", false), ("2026-02-20", false),
        ("2026-02-21", false), ("2026-02-22", false),  // Tết weekend
        ("2026-02-23", true),
        ("2026-04-26", false),  // Giỗ Tổ on a Sunday
        ("2026-04-27", false),  // its compensatory Monday
        ("2026-04-28", true),
        ("2026-04-30", false), ("2026-05-01", false), ("2026-05-04", true),
        ("2026-09-01", false), ("2026-09-02", false), ("2026-09-03", true),
        ("2027-01-01", false), ("2027-02-05", false), ("2027-02-08", false), ("2027-02-11", false), ("2027-02-12", true),
        ("2027-04-16", false), ("2027-05-03", false), ("2027-09-03", false),
    ])
    func workingDays(day: String, working: Bool) throws {
        #expect(try CalendarFixture.calendar().isWorkingDay(CalendarFixture.day(day)) == working)
    }

    @Test func swappedSaturdayIsWorkedAndTheBridgedDayIsNot() throws {
        let year = CalendarYear(
            year: 2026,
            holidays: [HolidayEntry(date: "2026-01-01", name: "Tết Dương lịch"), HolidayEntry(date: "2026-01-02", name: "Nghỉ hoán đổi")],
            swappedWorkingDays: [HolidayEntry(date: "2026-01-10", name: "Làm bù cho 02/01")],
            source: "test")
        let calendar = try WorkingCalendar(years: [year], sessions: CalendarFixture.sessions, extraWindows: [CalendarFixture.ninthHour])
        #expect(try calendar.isWorkingDay(CalendarFixture.day("2026-01-02")) == false)
        #expect(try calendar.isWorkingDay(CalendarFixture.day("2026-01-10")) == true)
        #expect(try calendar.isWorkingDay(CalendarFixture.day("2026-01-11")) == false)
        #expect(try calendar.nextWorkingDay(after: CalendarFixture.day("2026-01-09")) == CalendarFixture.day("2026-01-10"))
        #expect(try calendar.closingTime(on: CalendarFixture.day("2026-01-10")) == ManualClock.vietnamDate("2026-01-10 17:00"))
        #expect(calendar.holidayName(CalendarFixture.day("2026-01-02")) == "Nghỉ hoán đổi")
    }

    @Test(arguments: [
        ("2026-02-13", "2026-02-23"),  // over Tết and its weekends
        ("2026-02-12", "2026-02-13"),
        ("2026-04-24", "2026-04-28"),  // over Giỗ Tổ's compensatory Monday
        ("2026-04-29", "2026-05-04"),  // over 30/4–1/5
        ("2026-12-31", "2027-01-04"),  // across the year boundary and 1/1/2027
        ("2027-02-04", "2027-02-12"),
    ])
    func nextWorkingDay(after: String, expected: String) throws {
        #expect(try CalendarFixture.calendar().nextWorkingDay(after: CalendarFixture.day(after)) == CalendarFixture.day(expected))
    }

    @Test(arguments: [
        (0, "2026-03-04", "2026-03-04"),
        (3, "2026-03-02", "2026-03-05"),
        (3, "2026-02-12", "2026-02-24"),  // 13/02, then Tết, then 23–24/02
        (5, "2026-04-22", "2026-05-04"),  // Giỗ Tổ compensation and 30/4–1/5
        (10, "2027-02-01", "2027-02-22"),  // across Tết 2027
        (2, "2027-04-14", "2027-04-19"),  // over Giỗ Tổ 2027 on a Friday
        (15, "2026-12-21", "2027-01-12"),
    ])
    func addWorkingDays(count: Int, from: String, expected: String) throws {
        #expect(try CalendarFixture.calendar().addWorkingDays(count, to: CalendarFixture.day(from)) == CalendarFixture.day(expected))
    }

    @Test func negativeWorkingDaysAreRefused() throws {
        #expect(throws: QueueError.self) { try CalendarFixture.calendar().addWorkingDays(-1, to: CalendarFixture.day("2026-03-02")) }
    }

    @Test func unknownYearIsAnErrorNotAGuess() throws {
        let calendar = try CalendarFixture.calendar()
        let error = #expect(throws: QueueError.self) { try calendar.isWorkingDay(CalendarFixture.day("2028-01-03")) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("Chưa có lịch ngày nghỉ năm 2028") == true)
        #expect(error?.englishMessage.contains("No holiday calendar for 2028") == true)
        #expect(throws: QueueError.self) { try calendar.nextWorkingDay(after: CalendarFixture.day("2027-12-31")) }
        #expect(throws: QueueError.self) { try calendar.isOpen(at: ManualClock.vietnamDate("2025-12-31 09:00")) }
    }

    @Test(
        arguments: [
            ("2026-02-20", nil),  // Tết: closed
            ("2026-02-19", nil),
            ("2026-02-13", "17:00"),  // before the window
            ("2026-02-23", "17:30"),  // first day of the ninth hour
            ("2026-02-27", "17:30"),  // a Friday inside the window
            ("2026-02-28", nil),  // Saturday inside the window
            ("2026-03-23", "17:30"),  // last day
            ("2026-03-24", "17:00"),
        ] as [(String, String?)])
    func ninthHourExtendsClosing(day: String, closing: String?) throws {
        let calendar = try CalendarFixture.calendar(extraWindows: [CalendarFixture.ninthHour])
        let expected = closing.map { ManualClock.vietnamDate("\(day) \($0)") }
        #expect(try calendar.closingTime(on: CalendarFixture.day(day)) == expected)
    }

    @Test func ninthHourSkipsASwappedSaturdayInsideItsDates() throws {
        let year = CalendarYear(
            year: 2026, holidays: [], swappedWorkingDays: [HolidayEntry(date: "2026-03-07", name: "Làm bù")], source: "test")
        let calendar = try WorkingCalendar(years: [year], sessions: CalendarFixture.sessions, extraWindows: [CalendarFixture.ninthHour])
        #expect(try calendar.closingMinute(on: CalendarFixture.day("2026-03-07")) == 17 * 60)
        #expect(try calendar.closingMinute(on: CalendarFixture.day("2026-03-06")) == 17 * 60 + 30)
    }

    @Test(arguments: [
        ("2026-03-02 07:29", false), ("2026-03-02 07:30", true), ("2026-03-02 11:29", true), ("2026-03-02 11:30", false),
        ("2026-03-02 12:00", false), ("2026-03-02 13:30", true), ("2026-03-02 16:59", true),
        ("2026-03-02 17:15", true),  // ninth hour
        ("2026-03-02 17:30", false),
        ("2026-03-30 17:15", false),  // after the window's dates
        ("2026-03-01 09:00", false),  // Sunday
        ("2026-02-17 09:00", false),  // Tết
    ])
    func isOpen(at text: String, open: Bool) throws {
        let calendar = try CalendarFixture.calendar(extraWindows: [CalendarFixture.ninthHour])
        #expect(try calendar.isOpen(at: ManualClock.vietnamDate(text)) == open)
    }

    @Test func invalidConfigurationIsRefused() throws {
        let year2026 = try CalendarFixture.year(2026)
        let twice = #expect(throws: QueueError.self) {
            try WorkingCalendar(years: [year2026, year2026], sessions: CalendarFixture.sessions)
        }
        #expect(twice?.message == "Lịch năm 2026 được nạp hai lần.")
        #expect(throws: QueueError.self) { try WorkingCalendar(years: [year2026], sessions: []) }
        #expect(throws: QueueError.self) {
            try WorkingCalendar(years: [year2026], sessions: [OfficeSession(start: "17:00", end: "07:30")])
        }
        let badWindow = ExtraWindow(
            from: CalendarFixture.day("2026-03-23"), to: CalendarFixture.day("2026-02-23"), start: "16:30", end: "17:30")
        let windowError = #expect(throws: QueueError.self) {
            try WorkingCalendar(years: [year2026], sessions: CalendarFixture.sessions, extraWindows: [badWindow])
        }
        #expect(windowError?.englishMessage == "Extra window starts on 2026-03-23, after its end 2026-02-23.")
        let badTimes = ExtraWindow(
            from: CalendarFixture.day("2026-02-23"), to: CalendarFixture.day("2026-03-23"), start: "17:30", end: "16:30")
        #expect(throws: QueueError.self) {
            try WorkingCalendar(years: [year2026], sessions: CalendarFixture.sessions, extraWindows: [badTimes])
        }
    }
}

@Suite("Civil day keys")
struct CalendarDayKeyTests {
    @Test(arguments: [
        ("2026-02-17", 2), ("2026-03-01", 7), ("2026-03-06", 5), ("2027-02-06", 6), ("2028-02-29", 2), ("2000-01-01", 6),
    ])
    func weekday(day: String, weekday: Int) {
        #expect(CalendarFixture.day(day).weekday == weekday)
    }

    @Test(arguments: ["2026-02-30", "2027-02-29", "2026-2-01", "2026-13-01", "26-02-01", "2026-02-1x", "", "2026-02-01-01"])
    func rejectsInvalidText(text: String) {
        #expect(DayKey(iso: text) == nil)
    }

    @Test func convertsToAndFromVietnamTime() {
        let day = CalendarFixture.day("2026-03-02")
        #expect(day.date(atMinute: 8 * 60 + 30) == ManualClock.vietnamDate("2026-03-02 08:30"))
        #expect(DayKey(ManualClock.vietnamDate("2026-03-02 00:10")) == day)
        #expect(DayKey(ManualClock.vietnamDate("2026-03-01 23:59")) == CalendarFixture.day("2026-03-01"))
        #expect(day.adding(days: -1) == CalendarFixture.day("2026-03-01"))
        #expect(CalendarFixture.day("2026-12-31").adding(days: 1) == CalendarFixture.day("2027-01-01"))
        #expect(day.vietnamese == "02/03/2026")
        #expect(CalendarFixture.day("2026-02-28") < day)
    }

    @Test func codableAsIsoText() throws {
        let window = CalendarFixture.ninthHour
        let data = try JSONEncoder().encode(window)
        #expect(String(decoding: data, as: UTF8.self).contains("\"2026-02-23\""))
        #expect(try JSONDecoder().decode(ExtraWindow.self, from: data) == window)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DayKey.self, from: Data("\"2026-02-30\"".utf8)) }
    }
}
