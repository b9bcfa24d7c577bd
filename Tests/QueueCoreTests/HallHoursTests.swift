import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("When the kiosk gives numbers")
struct HallHoursTests {
    static func at(_ text: String) -> Date { ManualClock.vietnamDate(text) }

    @Test(arguments: [
        ("2026-03-02 06:10", true),  // Monday, before the doors open: the morning queue forms
        ("2026-03-02 12:15", true),  // lunch break: numbers for the afternoon
        ("2026-03-02 16:59", true),
        ("2026-03-02 17:00", false),  // closing time
        ("2026-03-02 20:18", false),
        ("2026-03-07 09:00", false),  // Saturday
        ("2026-04-30 09:00", false),  // Ngày Giải phóng
    ])
    func ticketsAreIssuedOnWorkingDaysUntilClosing(at text: String, issues: Bool) throws {
        #expect(try CalendarFixture.calendar().issuesTickets(at: Self.at(text)) == issues)
    }

    /// The ninth hour moves closing to 17:30 while it is in force.
    @Test func theNinthHourKeepsTheKioskOpenUntilItEnds() throws {
        let calendar = try CalendarFixture.calendar(extraWindows: [CalendarFixture.ninthHour])
        #expect(try calendar.issuesTickets(at: Self.at("2026-03-02 17:20")))
        #expect(try !calendar.issuesTickets(at: Self.at("2026-03-02 17:30")))
        #expect(try !CalendarFixture.calendar().issuesTickets(at: Self.at("2026-03-02 17:20")))
    }

    @Test(arguments: [
        ("2026-03-02 20:18", "2026-03-03 07:30"),  // Monday evening → Tuesday morning
        ("2026-03-06 17:05", "2026-03-09 07:30"),  // Friday evening → Monday
        ("2026-03-07 10:00", "2026-03-09 07:30"),  // Saturday → Monday
        ("2026-03-02 06:10", "2026-03-02 07:30"),  // early morning → today's first session
        ("2026-03-02 12:00", "2026-03-02 13:30"),  // lunch → the afternoon session
        ("2026-04-29 18:00", "2026-05-04 07:30"),  // 30/4 and 1/5 off, then the weekend
    ])
    func theNextOpeningIsTheNextSessionStart(after text: String, opening: String) throws {
        #expect(try CalendarFixture.calendar().nextOpening(after: Self.at(text)) == Self.at(opening))
    }
}
