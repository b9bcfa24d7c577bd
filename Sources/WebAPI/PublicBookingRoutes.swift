import DeviceProtocols
import Foundation
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// Booking (đặt lịch hẹn): citizens see a field's free slots, book one and get a code; on the day the kiosk checks
/// the code in and issues the ticket, which `PriorityRule` merges with the walk-ins. Public, like the kiosk; a
/// signed-in officer may also book today for a citizen. Codes are throttled: 10 unknown codes from one address
/// in 15 minutes and further tries answer 429.
extension PublicRoutes {
    struct BookRequest: Decodable {
        let field: String
        let date: String
        let slot: String
        /// Who the place is for, so the kiosk's ID scan finds it (an officer booking for a citizen, or the citizen).
        let name: String?
        let idLast4: String?
        /// A phone for the confirmation message, taken only with `smsConsent: true`.
        let phone: String?
        let smsConsent: Bool?
    }

    struct CheckInRequest: Decodable {
        let citizen: CitizenTag?
    }

    struct SlotAnswer: Encodable, Sendable {
        let slot: String
        let start: Date
        let end: Date
        let capacity: Int
        let remaining: Int
    }

    func registerBookings(on routes: RouteTable) {
        routes.add(.get, "/api/v1/bookings/slots") { request, context in
            let field = request.uri.queryParameters.get("field") ?? ""
            let date = request.uri.queryParameters.get("date") ?? ""
            try TextInput.check(field, "field")
            try TextInput.check(date, "date")
            return JSON(try await slots(field: field, date: date, staff: context.user != nil))
        }
        routes.add(.post, "/api/v1/bookings") { request, context in
            try rateLimit(context)
            let body = try await request.decode(as: BookRequest.self, context: context)
            for (value, name) in [(body.field, "field"), (body.date, "date"), (body.slot, "slot")] { try TextInput.check(value, name) }
            return JSON(try await book(body, context: context), status: .created)
        }
        routes.add(.post, "/api/v1/bookings/{code}/check-in") { request, context in
            let code = try await knownCode(context)
            // No body is needed; the kiosk adds the citizen its ID scan named.
            let citizen = try await request.decodeIfPresent(CheckInRequest.self, context: context)?.citizen?.validated()
            let issued = try await database.checkIn(
                code: code, source: context.clientAddress, printer: ticketOutput.printerID(forKiosk: context.clientAddress),
                grace: try await bookingSettings().grace, citizen: citizen, at: clock.now())
            return try await printedAnswer(issued, kiosk: context.clientAddress)
        }
        // The code as a QR for the citizen's phone screen or printout: the kiosk's scanner types it back.
        routes.add(.get, "/api/v1/bookings/{code}/qr.svg") { _, context in
            let code = try await knownCode(context)
            return Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "private, max-age=86400"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: try QRCode(encoding: code).svg())))
        }
        routes.add(.get, "/api/v1/bookings/{code}") { _, context in
            let code = try await knownCode(context)
            return JSON(try await database.booking(code: code))
        }
        routes.add(.delete, "/api/v1/bookings/{code}") { _, context in
            let code = try await knownCode(context)
            return JSON(try await database.cancelBooking(code: code, at: clock.now()))
        }
    }

    func bookingSettings() async throws -> BookingSettings { bookingRules.current }

    /// The day's slots with their free places; a citizen books from tomorrow to `daysAhead` days ahead, an officer
    /// from now on. A closed day has none.
    func slots(field: String, date: String, staff: Bool) async throws -> [SlotAnswer] {
        let settings = try await bookingSettings()
        let day = try bookableDay(date, settings: settings, staff: staff)
        guard try await database.catalog().fields.contains(where: { $0.code == field }) else { throw QueueError.unknownField(field) }
        guard settings.isBookable(field) else { return [] }
        let taken = try await database.bookedPlaces(field: field, day: day.iso)
        let now = clock.now()
        let capacity = settings.places(for: field, counters: try await servingCounters(field))
        return try daySlots(day, field: field, settings: settings).filter { $0.start > now }.map { slot in
            SlotAnswer(
                slot: slot.slot, start: slot.start, end: slot.end, capacity: capacity,
                remaining: max(0, capacity - (taken[slot.slot] ?? 0)))
        }
    }

    func book(_ body: BookRequest, context: AppRequestContext) async throws -> Booking {
        let settings = try await bookingSettings()
        let day = try bookableDay(body.date, settings: settings, staff: context.user != nil)
        guard settings.isBookable(body.field) else {
            throw QueueError(
                .conflict, message: "Lĩnh vực “\(body.field)” không nhận đặt lịch.",
                englishMessage: "Field '\(body.field)' takes no bookings.")
        }
        guard let slot = try daySlots(day, field: body.field, settings: settings).first(where: { $0.slot == body.slot }) else {
            throw QueueError(
                .conflict, message: "Ngày \(day.vietnamese) không có khung giờ \(body.slot) (ngoài giờ làm việc hoặc ngày nghỉ).",
                englishMessage: "\(day.iso) has no \(body.slot) slot (outside office hours or a day off).")
        }
        guard slot.start > clock.now() else {
            throw QueueError(
                .conflict, message: "Khung giờ \(body.slot) đã qua.", englishMessage: "The \(body.slot) slot has already passed.")
        }
        return try await database.book(
            field: body.field, slot: slot, capacity: settings.places(for: body.field, counters: try await servingCounters(body.field)),
            by: context.user?.username,
            source: context.clientAddress, citizen: try body.name.map { try CitizenTag(name: $0, idLast4: body.idLast4).validated() },
            sms: try smsConfirmation(body), at: clock.now())
    }

    /// Counters that serve `field`, whose time the booking share divides.
    func servingCounters(_ field: String) async throws -> Int {
        try await database.catalog().counters.filter { $0.fields.contains(field) }.count
    }

    func daySlots(_ day: DayKey, field: String, settings: BookingSettings) throws -> [BookingSlot] {
        guard let calendar = calendar?.current else { return [] }
        return try calendar.bookingSlots(on: day, minutes: settings.slotMinutes(for: field))
    }

    /// The field's walk-in cap reached today: 409 `walk_in_cap` naming the next free slot, today's or a later day's.
    func refuseOverWalkInCap(field: String, at now: Date) async throws {
        let settings = bookingRules.current
        guard let cap = settings.walkInCap(for: field), try await database.walkInsToday(field: field, at: now) >= cap else { return }
        var offer = ""
        var offerEn = ""
        if let next = try await nextFreeSlot(field: field, settings: settings, from: now) {
            let day = DayKey(next.start)
            offer =
                " Khung hẹn trống gần nhất: \(next.slot) \(day.vietnameseWeekday) \(day.vietnamese) — đặt tại trang /book hoặc nhờ cán bộ."
            offerEn = " The next free slot: \(next.slot) on \(day.englishWeekday) \(day.iso) — book it at /book or ask an officer."
        }
        throw APIError(
            .conflict, .walkInCap, "Hôm nay đã hết \(cap) số lấy tại chỗ cho lĩnh vực này." + offer,
            "Today's \(cap) walk-in numbers for this field are gone." + offerEn)
    }

    /// The first slot with a free place from `now` on (today's later slots, then the coming days).
    func nextFreeSlot(field: String, settings: BookingSettings, from now: Date) async throws -> BookingSlot? {
        guard settings.isBookable(field) else { return nil }
        let places = settings.places(for: field, counters: try await servingCounters(field))
        var day = DayKey(now)
        for _ in 0...settings.daysAhead {
            let taken = try await database.bookedPlaces(field: field, day: day.iso)
            if let free = try daySlots(day, field: field, settings: settings).first(where: {
                $0.start > now && (taken[$0.slot] ?? 0) < places
            }) {
                return free
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// `date` as a day a booking may be made for, else 422 saying which days may.
    func bookableDay(_ date: String, settings: BookingSettings, staff: Bool) throws -> DayKey {
        guard let day = DayKey(iso: date) else {
            throw QueueError.invalid("Ngày phải có dạng YYYY-MM-DD (nhận “\(date)”).", "The date must be YYYY-MM-DD (got '\(date)').")
        }
        let today = DayKey(clock.now())
        let first = staff ? today : today.adding(days: 1)
        let last = today.adding(days: settings.daysAhead)
        guard first <= day, day <= last else {
            throw QueueError.invalid(
                "Chỉ đặt lịch từ \(first.vietnamese) đến \(last.vietnamese).", "Bookings can be made from \(first.iso) to \(last.iso).")
        }
        return day
    }

    /// The code in the path, normalised, after the guess throttle; an unknown code counts as a guess (404).
    func knownCode(_ context: AppRequestContext) async throws -> String {
        let typed = try context.parameters.require("code")
        let attempt: LoginThrottle.Attempt
        switch bookingGuesses.begin(username: "\u{1F}booking", address: context.clientAddress, now: clock.now()) {
        case .success(let allowed): attempt = allowed
        case .failure(let refusal):
            var error = APIError(
                .tooManyRequests, .rateLimited, "Nhập sai mã lịch hẹn quá nhiều lần; thử lại sau \(refusal.retryAfterSeconds) giây.",
                "Too many unknown booking codes; try again in \(refusal.retryAfterSeconds) s.")
            error.retryAfterSeconds = refusal.retryAfterSeconds
            throw error
        }
        guard let code = BookingCode.normalized(typed), try await database.booking(code: code) != nil else {
            _ = bookingGuesses.failed(attempt)
            throw QueueError(
                .unknownTicket, message: "Không có lịch hẹn mã “\(typed)”.", englishMessage: "No booking with code '\(typed)'.")
        }
        bookingGuesses.succeeded(attempt)
        return code
    }

    func rateLimit(_ context: AppRequestContext) throws {
        try rateLimiter.enforce(context.clientAddress, now: clock.now()) { wait in
            (
                "Thao tác quá nhanh từ máy này; vui lòng chờ \(wait) giây rồi thử lại.",
                "Too many requests from this client; retry in \(wait) s."
            )
        }
    }
}
