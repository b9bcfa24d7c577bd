public import Foundation

/// How citizens book (đặt lịch hẹn). A new centre books every field in 30-minute slots of 4 places, from
/// tomorrow to 14 days ahead, within the hours of the service calendar; a booking not checked in 10 minutes
/// after its slot starts is released.
///
/// A share of each counter's time may be kept for booked citizens (`counterShare`, none by default): a slot then
/// offers at most share × (counters serving the field) × slot minutes ÷ `serviceMinutes` places, and never more
/// than `capacity`. With 2 counters, 30-minute slots, 15 minutes a citizen and 50 %, that is 2 places a slot; the
/// other half of the counters' time stays for walk-ins.
public struct BookingSettings: Codable, Sendable, Equatable {
    public var slotMinutes: Int
    public var capacity: Int
    public var daysAhead: Int
    /// Minutes after its slot's start a booking may still check in; later it is released.
    public var graceMinutes: Int
    /// From this many minutes before its slot, a checked-in booking is called like a priority ticket (see
    /// `PriorityRule`).
    public var leadMinutes: Int
    /// The share (0…1) of the serving counters' time bookings may take; nil: only `capacity` limits a slot.
    public var counterShare: Double?
    /// Minutes a counter spends on one citizen, for the share above.
    public var serviceMinutes: Int
    /// What a field does differently from the above (by field code).
    public var fields: [String: FieldBooking]

    public var grace: TimeInterval { TimeInterval(graceMinutes * 60) }

    public init(
        slotMinutes: Int = 30, capacity: Int = 4, daysAhead: Int = 14, graceMinutes: Int = 10, leadMinutes: Int = 10,
        counterShare: Double? = nil, serviceMinutes: Int = 15, fields: [String: FieldBooking] = [:]
    ) {
        self.slotMinutes = slotMinutes
        self.capacity = capacity
        self.daysAhead = daysAhead
        self.graceMinutes = graceMinutes
        self.leadMinutes = leadMinutes
        self.counterShare = counterShare
        self.serviceMinutes = serviceMinutes
        self.fields = fields
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = BookingSettings()
        slotMinutes = try c.decodeIfPresent(Int.self, forKey: .slotMinutes) ?? defaults.slotMinutes
        capacity = try c.decodeIfPresent(Int.self, forKey: .capacity) ?? defaults.capacity
        daysAhead = try c.decodeIfPresent(Int.self, forKey: .daysAhead) ?? defaults.daysAhead
        graceMinutes = try c.decodeIfPresent(Int.self, forKey: .graceMinutes) ?? defaults.graceMinutes
        leadMinutes = try c.decodeIfPresent(Int.self, forKey: .leadMinutes) ?? defaults.leadMinutes
        counterShare = try c.decodeIfPresent(Double.self, forKey: .counterShare)
        serviceMinutes = try c.decodeIfPresent(Int.self, forKey: .serviceMinutes) ?? defaults.serviceMinutes
        fields = try c.decodeIfPresent([String: FieldBooking].self, forKey: .fields) ?? [:]
    }

    public func slotMinutes(for field: String) -> Int { fields[field]?.slotMinutes ?? slotMinutes }
    public func capacity(for field: String) -> Int { fields[field]?.capacity ?? capacity }

    /// The places a slot of `field` offers when `counters` counters serve it: `capacity`, cut to the counters' time
    /// share when one is set.
    public func places(for field: String, counters: Int) -> Int {
        let places = capacity(for: field)
        guard let share = fields[field]?.counterShare ?? counterShare else { return places }
        let minutes = share * Double(slotMinutes(for: field) * counters)
        return min(places, Int((minutes / Double(fields[field]?.serviceMinutes ?? serviceMinutes)).rounded(.down)))
    }
    public func isBookable(_ field: String) -> Bool { fields[field]?.bookable ?? true }
    /// Walk-in tickets a day in `field` before the kiosk offers a slot instead; `nil`: no cap (the default).
    public func walkInCap(for field: String) -> Int? { fields[field]?.walkInCap }

    /// Refuses values no hall could mean, naming the one at fault.
    public func validate(fieldCodes: Set<String>) throws(QueueError) {
        try Self.check((5...240).contains(slotMinutes), "Độ dài khung hẹn phải từ 5 đến 240 phút.", "A slot lasts 5 to 240 minutes.")
        try Self.check((1...100).contains(capacity), "Số chỗ mỗi khung phải từ 1 đến 100.", "A slot holds 1 to 100 places.")
        try Self.check((1...90).contains(daysAhead), "Đặt trước tối đa từ 1 đến 90 ngày.", "Bookings open 1 to 90 days ahead.")
        try Self.check(
            (0...120).contains(graceMinutes), "Thời gian chờ đến muộn phải từ 0 đến 120 phút.", "The grace time is 0 to 120 minutes.")
        try Self.check((0...120).contains(leadMinutes), "Thời gian gọi sớm phải từ 0 đến 120 phút.", "The lead time is 0 to 120 minutes.")
        try Self.checkShare(counterShare, serviceMinutes: serviceMinutes)
        for (code, field) in fields {
            try Self.checkShare(field.counterShare, serviceMinutes: field.serviceMinutes ?? serviceMinutes)
            try Self.check(fieldCodes.contains(code), "Không có lĩnh vực mã “\(code)”.", "No field with code '\(code)'.")
            if let minutes = field.slotMinutes {
                try Self.check((5...240).contains(minutes), "Độ dài khung hẹn phải từ 5 đến 240 phút.", "A slot lasts 5 to 240 minutes.")
            }
            if let places = field.capacity {
                try Self.check((1...100).contains(places), "Số chỗ mỗi khung phải từ 1 đến 100.", "A slot holds 1 to 100 places.")
            }
            if let cap = field.walkInCap {
                try Self.check((1...10_000).contains(cap), "Giới hạn số lấy tại chỗ phải từ 1 đến 10000.", "A walk-in cap is 1 to 10,000.")
            }
        }
    }

    static func checkShare(_ share: Double?, serviceMinutes: Int) throws(QueueError) {
        try check(
            share.map { (0...1).contains($0) } ?? true, "Phần thời gian quầy dành cho lịch hẹn phải từ 0 đến 100 %.",
            "The counters' share kept for bookings is 0 to 100 %.")
        try check(
            (1...240).contains(serviceMinutes), "Thời gian phục vụ một người phải từ 1 đến 240 phút.",
            "Serving one citizen takes 1 to 240 minutes.")
    }

    static func check(_ condition: Bool, _ message: String, _ english: String) throws(QueueError) {
        if !condition { throw QueueError.invalid(message, english) }
    }
}

/// One field's own booking rules; an absent value takes the hall's.
public struct FieldBooking: Codable, Sendable, Equatable {
    public var bookable: Bool?
    public var slotMinutes: Int?
    public var capacity: Int?
    public var walkInCap: Int?
    public var counterShare: Double?
    public var serviceMinutes: Int?

    public init(
        bookable: Bool? = nil, slotMinutes: Int? = nil, capacity: Int? = nil, walkInCap: Int? = nil, counterShare: Double? = nil,
        serviceMinutes: Int? = nil
    ) {
        self.bookable = bookable
        self.slotMinutes = slotMinutes
        self.capacity = capacity
        self.walkInCap = walkInCap
        self.counterShare = counterShare
        self.serviceMinutes = serviceMinutes
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
