public import Foundation
import GRDB
public import QueueCore

/// A booked place, as the citizen and the API see it.
public struct Booking: Codable, Sendable, Equatable {
    /// Where a booking stands.
    public enum State: String, Codable, Sendable {
        case booked
        case checkedIn = "checked-in"
        case cancelled, released
    }

    public var code: String
    public var field: String
    public var date: String
    public var slot: String
    public var start: Date
    public var state: State
    /// The ticket its check-in issued.
    public var ticket: String?

    init(row: Row) {
        code = row["code"]
        field = row["field"]
        date = row["day"]
        slot = row["slot"]
        start = Millis.date(row["slotStart"])
        state = State(rawValue: row["state"]) ?? .released
        ticket = row["label"]
    }
}

/// The confirmation message of a booking made with a phone and consent; its text names the code, known only once stored.
public struct BookingSMS: Sendable {
    public var phone: String
    public var text: @Sendable (String) -> String

    public init(phone: String, text: @escaping @Sendable (String) -> String) {
        self.phone = phone
        self.text = text
    }
}

extension AppDatabase {
    /// Places taken (booked or checked in) per slot of `field` on `day`.
    public func bookedPlaces(field: String, day: String) async throws -> [String: Int] {
        try await writer.read { db in
            var taken: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT slot, COUNT(*) AS n FROM booking WHERE field = ? AND day = ? AND state IN ('booked', 'checked-in') GROUP BY slot",
                arguments: [field, day])
            {
                taken[row["slot"]] = row["n"]
            }
            return taken
        }
    }

    /// Walk-in tickets (not from a booking) issued today in `field`, for the walk-in cap.
    public func walkInsToday(field: String, at now: Date) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM ticket WHERE serviceDay = ? AND issuedField = ? AND bookedSlot IS NULL",
                arguments: [VietnamTime.serviceDay(of: now), field]) ?? 0
        }
    }

    /// Books one place of `slot`, refused (409) when its `capacity` is taken; the count and the insert share one
    /// transaction, so two citizens can never take the last place twice.
    public func book(
        field: String, slot: BookingSlot, capacity: Int, by staff: String?, source: String?, citizen: CitizenTag? = nil,
        sms: BookingSMS? = nil, at now: Date
    ) async throws -> Booking {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM field WHERE code = ?", arguments: [field]) == true else {
                throw QueueError.unknownField(field)
            }
            let day = DayKey(slot.start).iso
            let taken =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM booking WHERE field = ? AND day = ? AND slot = ? AND state IN ('booked', 'checked-in')",
                    arguments: [field, day, slot.slot]) ?? 0
            guard taken < capacity else {
                throw QueueError(
                    .conflict, message: "Khung giờ \(slot.slot) ngày \(DayKey(slot.start).vietnamese) đã kín chỗ; hãy chọn khung khác.",
                    englishMessage: "The \(slot.slot) slot on \(day) is full; choose another.")
            }
            var code = BookingCode.make()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM booking WHERE code = ?", arguments: [code]) == true {
                code = BookingCode.make()
            }
            try db.execute(
                sql: """
                    INSERT INTO booking (code, field, day, slot, slotStart, createdAt, bookedBy, source, citizenName, citizenKey,
                      citizenIdLast4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    code, field, day, slot.slot, Millis.of(slot.start), Millis.of(now), staff, source, citizen?.name,
                    citizen.map { DossierCitizen.searchKey($0.name) }, citizen?.idLast4,
                ])
            if let sms {
                try db.execute(sql: "UPDATE booking SET smsPhone = ? WHERE code = ?", arguments: [sms.phone, code])
                try Self.enqueueSMS(
                    db, phone: sms.phone, text: sms.text(code), kind: .bookingConfirmed, ticket: nil, booking: code, at: now)
            }
            return try Self.booking(db, code: code)!
        }
    }

    public func booking(code: String) async throws -> Booking? {
        try await writer.read { db in try Self.booking(db, code: code) }
    }

    static func booking(_ db: Database, code: String) throws -> Booking? {
        try Row.fetchOne(
            db, sql: "SELECT booking.*, ticket.label FROM booking LEFT JOIN ticket ON ticket.id = booking.ticket WHERE code = ?",
            arguments: [code]
        ).map(Booking.init)
    }

    /// Cancels a booking that is still open; a checked-in, cancelled or released one answers 409.
    public func cancelBooking(code: String, at now: Date) async throws -> Booking {
        try await writer.write { db in
            let booking = try Self.openBooking(db, code: code)
            try db.execute(
                sql: "UPDATE booking SET state = 'cancelled', endedAt = ? WHERE code = ?", arguments: [Millis.of(now), booking.code])
            return try Self.booking(db, code: code)!
        }
    }

    /// Releases every booking not checked in `grace` after its slot started (state `released`, with the time):
    /// its place is free again and the release stays on record. Returns how many.
    @discardableResult
    public func releaseLateBookings(at now: Date, grace: TimeInterval) async throws -> Int {
        try await writer.write { db in try Self.releaseLateBookings(db, at: now, grace: grace) }
    }

    static func releaseLateBookings(_ db: Database, at now: Date, grace: TimeInterval) throws -> Int {
        try db.execute(
            sql: "UPDATE booking SET state = 'released', endedAt = ? WHERE state = 'booked' AND slotStart < ?",
            arguments: [Millis.of(now), Millis.of(now.addingTimeInterval(-grace))])
        return db.changesCount
    }

    /// Checks a booking in on its day: issues its ticket in the same transaction, placed in the queue at the slot's
    /// start (`PriorityRule` merges it with walk-ins). A second check-in, another day, or a released or cancelled
    /// booking answers 409 and issues nothing.
    public func checkIn(
        code: String, source: String?, printer: String?, grace: TimeInterval, citizen: CitizenTag? = nil, at now: Date
    ) async throws -> IssuedTicket {
        // Its own commit first: a refused check-in must not roll the releases back.
        try await releaseLateBookings(at: now, grace: grace)
        return try await writer.write { db in
            let booking = try Self.openBooking(db, code: code)
            guard booking.date == VietnamTime.serviceDay(of: now) else {
                throw QueueError(
                    .conflict, message: "Lịch hẹn \(booking.code) là ngày \(DayKey(booking.start).vietnamese), không phải hôm nay.",
                    englishMessage: "Booking \(booking.code) is for \(booking.date), not today.")
            }
            var issued = try issueOne(db, IssueOrder(field: booking.field, priority: .none, source: source, at: now, printer: printer))
            try db.execute(
                sql: """
                    UPDATE ticket SET queuedAt = ?, bookedSlot = ?,
                      citizenName = COALESCE(?, (SELECT citizenName FROM booking WHERE code = ?)),
                      citizenIdLast4 = COALESCE(?, (SELECT citizenIdLast4 FROM booking WHERE code = ?)) WHERE id = ?
                    """,
                arguments: [
                    Millis.of(booking.start), Millis.of(booking.start), citizen?.name, booking.code, citizen?.idLast4, booking.code,
                    issued.ticket.id,
                ])
            try db.execute(
                sql: "UPDATE booking SET state = 'checked-in', ticket = ?, endedAt = ? WHERE code = ?",
                arguments: [issued.ticket.id, Millis.of(now), booking.code])
            if let ticket = try Ticket.fetch(db, id: issued.ticket.id) { issued.ticket = ticket }
            return issued
        }
    }

    /// The booking behind `code`, refused unless it is still open (booked).
    static func openBooking(_ db: Database, code: String) throws -> Booking {
        guard let booking = try booking(db, code: code) else {
            throw QueueError(.unknownTicket, message: "Không có lịch hẹn mã “\(code)”.", englishMessage: "No booking with code '\(code)'.")
        }
        switch booking.state {
        case .booked: return booking
        case .checkedIn:
            throw QueueError(
                .conflict, message: "Lịch hẹn \(code) đã lấy số \(booking.ticket ?? "").",
                englishMessage: "Booking \(code) has already checked in (ticket \(booking.ticket ?? "")).")
        case .cancelled:
            throw QueueError(.conflict, message: "Lịch hẹn \(code) đã huỷ.", englishMessage: "Booking \(code) was cancelled.")
        case .released:
            throw QueueError(
                .conflict, message: "Lịch hẹn \(code) đã quá giờ nhận và được trả lại; vui lòng lấy số thường hoặc đặt lại.",
                englishMessage: "Booking \(code) passed its check-in time and was released; take a regular number or book again.")
        }
    }
}
