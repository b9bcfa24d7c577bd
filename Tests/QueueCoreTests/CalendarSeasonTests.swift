import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Seasonal office hours")
struct CalendarSeasonTests {
    /// Winter hours 08:00–12:00, 13:00–16:30 from 15 October to 14 April (wrapping over New Year).
    static let winter = SessionSeason(
        name: "mùa đông", from: "10-15", to: "04-14",
        sessions: [OfficeSession(start: "08:00", end: "12:00"), OfficeSession(start: "13:00", end: "16:30")])

    static func calendar() throws -> WorkingCalendar {
        try WorkingCalendar(
            years: [CalendarFixture.year(2026), CalendarFixture.year(2027)], sessions: CalendarFixture.sessions,
            seasons: [winter])
    }

    @Test(arguments: [
        ("2026-04-14", "16:30"), ("2026-04-15", "17:00"), ("2026-10-14", "17:00"), ("2026-10-15", "16:30"),
        ("2026-12-31", "16:30"), ("2027-01-04", "16:30"),
    ])
    func closingFollowsTheSeason(day: String, closing: String) throws {
        let minute = try #require(try Self.calendar().closingMinute(on: CalendarFixture.day(day)))
        #expect(String(format: "%02d:%02d", minute / 60, minute % 60) == closing)
    }

    @Test(arguments: [
        ("2026-03-02 07:45", false), ("2026-03-02 08:00", true), ("2026-03-02 12:30", false), ("2026-03-02 13:15", true),
        ("2026-05-04 07:45", true), ("2026-05-04 13:15", false),
    ])
    func openingFollowsTheSeason(at text: String, open: Bool) throws {
        #expect(try Self.calendar().isOpen(at: ManualClock.vietnamDate(text)) == open)
    }

    /// A same-day dossier received in winter is promised by 16:30.
    @Test func sameDayPromisesUseTheSeasonsClosing() throws {
        let procedure = Procedure(code: "x", field: "f", name: "X", workingDays: 0, sameDayGroup: 1, noWaitFriday: false)
        let promise = try PromiseCalculator(calendar: Self.calendar()).promise(
            for: procedure, receivedAt: ManualClock.vietnamDate("2026-11-02 09:00"))
        #expect(VietnamTime.iso8601(promise.promisedAt) == "2026-11-02T16:30:00+07:00")
    }

    @Test func badSeasonsAreRefused() throws {
        let bad = SessionSeason(name: "sai", from: "13-01", to: "02-30", sessions: CalendarFixture.sessions)
        let error = #expect(throws: QueueError.self) {
            try WorkingCalendar(years: [CalendarFixture.year(2026)], sessions: CalendarFixture.sessions, seasons: [bad])
        }
        #expect(error?.message == "Mùa “sai”: ngày bắt đầu/kết thúc phải có dạng MM-DD (nhận “13-01”, “02-30”).")
    }
}
