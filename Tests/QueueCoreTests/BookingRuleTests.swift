import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Bookings: slots, codes and the merge rule")
struct BookingRuleTests {
    static func at(_ text: String) -> Date { ManualClock.vietnamDate(text) }

    func walkIn(_ id: Int64, _ time: String) -> WaitingTicket {
        WaitingTicket(id: id, priority: .none, issuedAt: Self.at(time))
    }

    func booked(_ id: Int64, slot: String) -> WaitingTicket {
        WaitingTicket(id: id, priority: .none, issuedAt: Self.at(slot), bookedSlot: Self.at(slot))
    }

    /// Before its lead time a booking waits in its slot's place; from 10 minutes before its slot it goes ahead of
    /// older walk-ins, but at most two such calls in a row pass a walk-in at the head of the line.
    @Test func aBookingIsCalledFromTenMinutesBeforeItsSlotWithoutStarvingWalkIns() {
        let rule = PriorityRule()
        let waiting = [
            walkIn(1, "2026-03-03 08:40"), walkIn(2, "2026-03-03 08:41"), booked(3, slot: "2026-03-03 09:00"),
            booked(4, slot: "2026-03-03 09:00"), booked(5, slot: "2026-03-03 09:00"),
        ]
        #expect(rule.pick(from: waiting, priorityStreak: 0, now: Self.at("2026-03-03 08:49"))?.ticket.id == 1)
        let due = Self.at("2026-03-03 08:50")
        let first = rule.pick(from: waiting, priorityStreak: 0, now: due)
        #expect(first?.ticket.id == 3)
        let second = rule.pick(from: waiting.filter { $0.id != 3 }, priorityStreak: first!.priorityStreak, now: due)
        #expect(second?.ticket.id == 4)
        // Two bookings in a row: the walk-in at the head of the line goes next.
        let third = rule.pick(from: waiting.filter { ![3, 4].contains($0.id) }, priorityStreak: second!.priorityStreak, now: due)
        #expect(third?.ticket.id == 1)
        #expect(third?.priorityStreak == 0)
        // Without a clock (an old caller) a booking is an ordinary ticket in its slot's place.
        #expect(rule.pick(from: waiting, priorityStreak: 0)?.ticket.id == 1)
    }

    /// Sessions 07:30–11:30 and 13:30–17:00, and on 3 March the ninth hour until 17:30: 30-minute slots.
    @Test func slotsFollowTheSessionsAndTheNinthHour() throws {
        let calendar = try CalendarFixture.calendar(extraWindows: [CalendarFixture.ninthHour])
        let slots = try calendar.bookingSlots(on: DayKey(Self.at("2026-03-03 00:00")), minutes: 30)
        #expect(slots.map(\.slot).prefix(3) == ["07:30", "08:00", "08:30"])
        #expect(slots.count == 16)
        #expect(slots.last?.slot == "17:00")  // the ninth hour's second half-hour
        #expect(!slots.map(\.slot).contains("12:00"))
        #expect(slots.first?.end == Self.at("2026-03-03 08:00"))
        #expect(try calendar.bookingSlots(on: DayKey(Self.at("2026-03-07 00:00")), minutes: 30).isEmpty)  // Saturday
        #expect(try calendar.bookingSlots(on: DayKey(Self.at("2026-04-30 00:00")), minutes: 30).isEmpty)  // holiday
    }

    @Test func codesHaveNoLookAlikesAndAreTypedLoosely() {
        for _ in 0..<200 {
            let code = BookingCode.make()
            #expect(code.count == 8)
            #expect(!code.contains { "01OI".contains($0) })
        }
        #expect(BookingCode.normalized("k7mx-3qpa") == "K7MX3QPA")
        #expect(BookingCode.normalized("K7MX 3QPA") == "K7MX3QPA")
        #expect(BookingCode.normalized("K7MX3QP0") == nil)  // a zero is never in a code
        #expect(BookingCode.normalized("K7MX3QP") == nil)
    }
}
