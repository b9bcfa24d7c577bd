public import Foundation

/// How citizens book (đặt lịch hẹn). A new centre books every field in 30-minute slots of 4 places, from
/// tomorrow to 14 days ahead, within the hours of the service calendar; a booking not checked in 10 minutes
/// after its slot starts is released.
public struct BookingSettings: Codable, Sendable, Equatable {
    public var slotMinutes: Int
    public var capacity: Int
    public var daysAhead: Int
    /// Minutes after its slot's start a booking may still check in; later it is released.
    public var graceMinutes: Int
    /// From this many minutes before its slot, a checked-in booking is called like a priority ticket (see
    /// `PriorityRule`).
    public var leadMinutes: Int

    public var grace: TimeInterval { TimeInterval(graceMinutes * 60) }

    public init(slotMinutes: Int = 30, capacity: Int = 4, daysAhead: Int = 14, graceMinutes: Int = 10, leadMinutes: Int = 10) {
        self.slotMinutes = slotMinutes
        self.capacity = capacity
        self.daysAhead = daysAhead
        self.graceMinutes = graceMinutes
        self.leadMinutes = leadMinutes
    }
}

/// One bookable slot of a day: its name is its start ("09:30").
public struct BookingSlot: Codable, Sendable, Equatable {
    public var slot: String
    public var start: Date
    public var end: Date

    public init(slot: String, start: Date, end: Date) {
        self.slot = slot
        self.start = start
        self.end = end
    }
}

extension WorkingCalendar {
    /// The slots of `day`: each session and extra window (the ninth hour) cut into `minutes`-long slots that
    /// start before the kiosk's ticket cutoff; none on a day the hall does not receive.
    public func bookingSlots(on day: DayKey, minutes: Int) throws(QueueError) -> [BookingSlot] {
        guard minutes > 0, try receives(on: day), let cutoff = try issueClosingMinute(on: day) else { return [] }
        let windows =
            sessionMinutes(on: day)
            + extraWindows.filter { $0.applies(on: day) }.compactMap { window in
                window.startMinute.flatMap { start in window.endMinute.map { (start, $0) } }
            }
        var starts = Set<Int>()
        var slots: [BookingSlot] = []
        for (start, end) in windows {
            var minute = start
            while minute + minutes <= end, minute < cutoff {
                if starts.insert(minute).inserted {
                    slots.append(
                        BookingSlot(
                            slot: PromiseCalculator.clock(minute), start: day.date(atMinute: minute),
                            end: day.date(atMinute: minute + minutes)))
                }
                minute += minutes
            }
        }
        return slots.sorted { $0.start < $1.start }
    }
}

/// Booking codes: 8 characters from an alphabet without look-alikes (no 0/O, no 1/I), so a code read aloud or
/// typed at the kiosk is not mistaken; 32^8 ≈ 10^12 codes, and guesses are throttled by the API.
public enum BookingCode {
    public static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    public static let length = 8

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// The code as typed (lower case, spaces, dashes) in its stored form, or `nil` when it cannot be one.
    public static func normalized(_ typed: String) -> String? {
        let code = String(typed.uppercased().filter { !$0.isWhitespace && $0 != "-" })
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        return code
    }
}
