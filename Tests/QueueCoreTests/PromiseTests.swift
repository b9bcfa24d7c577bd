import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Promised return dates")
struct PromiseTests {
    static let sameDay = Procedure(
        code: "SD", field: "TP", name: "Chứng thực bản sao", workingDays: 0, sameDayGroup: 1, noWaitFriday: false)
    static let groupOne = Procedure(code: "G1", field: "TP", name: "Nhóm 1", workingDays: 2, sameDayGroup: 1, noWaitFriday: false)
    static let friday = Procedure(code: "FR", field: "TP", name: "Đăng ký khai sinh", workingDays: 3, sameDayGroup: 2, noWaitFriday: true)
    static let statutory = Procedure(code: "ST", field: "DD", name: "Đăng ký đất đai", workingDays: 3, sameDayGroup: 3, noWaitFriday: false)

    @Test(
        arguments: [
            // Same-day procedures.
            (sameDay, "2026-03-02 10:00", "2026-03-02 17:00", PromiseRule.sameDay),
            (sameDay, "2026-03-02 06:45", "2026-03-02 17:00", .sameDay),  // before opening
            (sameDay, "2026-03-02 16:59", "2026-03-02 17:00", .sameDay),
            (sameDay, "2026-03-02 17:00", "2026-03-03 17:00", .sameDay),  // at closing: next working day
            (sameDay, "2026-03-01 09:00", "2026-03-02 17:00", .sameDay),  // Sunday
            (sameDay, "2026-02-13 17:30", "2026-02-23 17:00", .sameDay),  // after closing before Tết
            (sameDay, "2026-02-18 09:00", "2026-02-23 17:00", .sameDay),  // during Tết
            (groupOne, "2026-03-03 10:00", "2026-03-03 17:00", .sameDay),  // group 1 wins over statutory days
            (sameDay, "2026-03-06 10:00", "2026-03-06 17:00", .sameDay),  // Friday, not on the Friday list
            // No-wait Friday.
            (friday, "2026-03-06 10:00", "2026-03-06 17:00", .noWaitFridaySameDay),
            (friday, "2026-03-06 15:29", "2026-03-06 17:00", .noWaitFridaySameDay),
            (friday, "2026-03-06 15:30", "2026-03-09 09:00", .noWaitFridayAfterCutoff),  // exactly the cutoff counts as after
            (friday, "2026-03-06 16:45", "2026-03-09 09:00", .noWaitFridayAfterCutoff),
            (friday, "2026-03-06 18:00", "2026-03-09 09:00", .noWaitFridayAfterCutoff),
            (friday, "2026-04-24 16:00", "2026-04-28 09:00", .noWaitFridayAfterCutoff),  // next working day skips 27/04
            (friday, "2026-02-13 15:45", "2026-02-23 09:00", .noWaitFridayAfterCutoff),  // over Tết
            (friday, "2026-05-01 10:00", "2026-05-07 17:00", .workingDays(3)),  // Friday that is a holiday
            (friday, "2026-03-05 10:00", "2026-03-10 17:00", .workingDays(3)),  // Thursday: statutory
            // Statutory working days.
            (statutory, "2026-03-02 10:00", "2026-03-05 17:00", .workingDays(3)),
            (statutory, "2026-03-02 17:30", "2026-03-06 17:00", .workingDays(3)),  // after closing
            (statutory, "2026-03-01 10:00", "2026-03-05 17:00", .workingDays(3)),  // Sunday
            (statutory, "2026-02-12 10:00", "2026-02-24 17:00", .workingDays(3)),  // across Tết
            (statutory, "2026-04-24 10:00", "2026-05-04 17:00", .workingDays(3)),  // across Giỗ Tổ and 30/4–1/5
            (statutory, "2026-12-30 10:00", "2027-01-05 17:00", .workingDays(3)),  // across the new year
            (statutory, "2027-02-04 10:00", "2027-02-16 17:00", .workingDays(3)),  // across Tết 2027
            (statutory, "2027-04-15 10:00", "2027-04-21 17:00", .workingDays(3)),  // across Giỗ Tổ 2027
        ] as [(Procedure, String, String, PromiseRule)])
    func promise(procedure: Procedure, intake: String, promised: String, rule: PromiseRule) throws {
        let calculator = PromiseCalculator(calendar: try CalendarFixture.calendar())
        let result = try calculator.promise(for: procedure, receivedAt: ManualClock.vietnamDate(intake))
        #expect(VietnamTime.iso8601(result.promisedAt) == VietnamTime.iso8601(ManualClock.vietnamDate(promised)))
        #expect(result.rule == rule)
        #expect(!result.explanation.isEmpty && !result.explanationEn.isEmpty)
    }

    @Test(
        arguments: [
            (sameDay, "2026-03-02 17:10", "2026-03-02 17:30"),  // inside the ninth hour: still today
            (sameDay, "2026-03-24 17:10", "2026-03-25 17:00"),  // window over: after closing
            (statutory, "2026-03-02 10:00", "2026-03-05 17:30"),  // due inside the window
            (statutory, "2026-03-20 17:15", "2026-03-25 17:00"),  // received in the ninth hour (counts as Friday), due after it
            (friday, "2026-03-06 16:00", "2026-03-09 09:00"),  // the cutoff still applies on an extended Friday
        ] as [(Procedure, String, String)])
    func ninthHourMovesClosing(procedure: Procedure, intake: String, promised: String) throws {
        let calculator = PromiseCalculator(calendar: try CalendarFixture.calendar(extraWindows: [CalendarFixture.ninthHour]))
        let result = try calculator.promise(for: procedure, receivedAt: ManualClock.vietnamDate(intake))
        #expect(VietnamTime.iso8601(result.promisedAt) == VietnamTime.iso8601(ManualClock.vietnamDate(promised)))
    }

    @Test func fridaySettingsAreConfigurable() throws {
        let disabled = PromiseCalculator(calendar: try CalendarFixture.calendar(noWaitFriday: NoWaitFridaySettings(enabled: false)))
        let off = try disabled.promise(for: Self.friday, receivedAt: ManualClock.vietnamDate("2026-03-06 10:00"))
        #expect(off.rule == .workingDays(3))
        #expect(off.promisedAt == ManualClock.vietnamDate("2026-03-11 17:00"))

        let later = PromiseCalculator(
            calendar: try CalendarFixture.calendar(
                noWaitFriday: NoWaitFridaySettings(cutoffMinute: 16 * 60, nextDayMinute: 8 * 60)))
        let before = try later.promise(for: Self.friday, receivedAt: ManualClock.vietnamDate("2026-03-06 15:45"))
        #expect(before.rule == .noWaitFridaySameDay)
        let after = try later.promise(for: Self.friday, receivedAt: ManualClock.vietnamDate("2026-03-06 16:00"))
        #expect(after.promisedAt == ManualClock.vietnamDate("2026-03-09 08:00"))

        #expect(throws: QueueError.self) { try CalendarFixture.calendar(noWaitFriday: NoWaitFridaySettings(cutoffMinute: 1500)) }
    }

    @Test func explanationsSayWhy() throws {
        let calculator = PromiseCalculator(calendar: try CalendarFixture.calendar())
        let late = try calculator.promise(for: Self.friday, receivedAt: ManualClock.vietnamDate("2026-03-06 15:30"))
        #expect(
            late.explanation == "Thứ sáu không chờ: hồ sơ nhận từ 15:30 trở đi được trả trước 09:00 ngày làm việc tiếp theo (09/03/2026).")
        #expect(
            late.explanationEn == "No-wait Friday: files received from 15:30 on are returned by 09:00 on the next working day (2026-03-09)."
        )
        let statutory = try calculator.promise(for: Self.statutory, receivedAt: ManualClock.vietnamDate("2026-02-12 10:00"))
        #expect(statutory.explanation.contains("3 ngày làm việc") && statutory.explanation.contains("24/02/2026"))
        let sunday = try calculator.promise(for: Self.sameDay, receivedAt: ManualClock.vietnamDate("2026-03-01 10:00"))
        #expect(sunday.explanationEn.contains("counted from the next working day"))
    }

    @Test func intakeInAnUnknownYearIsAnError() throws {
        let calculator = PromiseCalculator(calendar: try CalendarFixture.calendar())
        let error = #expect(throws: QueueError.self) {
            try calculator.promise(for: Self.statutory, receivedAt: ManualClock.vietnamDate("2028-03-01 10:00"))
        }
        #expect(error?.code == .invalidInput)
        // Near the end of the last known year the deadline would fall into 2028: refused, not guessed.
        #expect(throws: QueueError.self) {
            try calculator.promise(for: Self.statutory, receivedAt: ManualClock.vietnamDate("2027-12-29 10:00"))
        }
    }
}
