import Foundation
import Hall
import Hummingbird
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
        routes.add(.post, "/api/v1/bookings/{code}/check-in") { _, context in
            let code = try await knownCode(context)
            let issued = try await database.checkIn(
                code: code, source: context.clientAddress, printer: ticketOutput.printerID(forKiosk: context.clientAddress),
                grace: try await bookingSettings().grace, at: clock.now())
            return try await printedAnswer(issued, kiosk: context.clientAddress)
        }
        routes.add(.delete, "/api/v1/bookings/{code}") { _, context in
            let code = try await knownCode(context)
            return JSON(try await database.cancelBooking(code: code, at: clock.now()))
        }
    }

    func bookingSettings() async throws -> BookingSettings {
        try await database.hallSetting(.booking, as: BookingSettings.self) ?? BookingSettings()
    }

    /// The day's slots with their free places; a citizen books from tomorrow to `daysAhead` days ahead, an officer
    /// from now on. A closed day has none.
    func slots(field: String, date: String, staff: Bool) async throws -> [SlotAnswer] {
        let settings = try await bookingSettings()
        let day = try bookableDay(date, settings: settings, staff: staff)
        guard try await database.catalog().fields.contains(where: { $0.code == field }) else { throw QueueError.unknownField(field) }
        let taken = try await database.bookedPlaces(field: field, day: day.iso)
        let now = clock.now()
        return try daySlots(day, settings: settings).filter { $0.start > now }.map { slot in
            SlotAnswer(
                slot: slot.slot, start: slot.start, end: slot.end, capacity: settings.capacity,
                remaining: max(0, settings.capacity - (taken[slot.slot] ?? 0)))
        }
    }

    func book(_ body: BookRequest, context: AppRequestContext) async throws -> Booking {
        let settings = try await bookingSettings()
        let day = try bookableDay(body.date, settings: settings, staff: context.user != nil)
        guard let slot = try daySlots(day, settings: settings).first(where: { $0.slot == body.slot }) else {
            throw QueueError(
                .conflict, message: "Ngày \(day.vietnamese) không có khung giờ \(body.slot) (ngoài giờ làm việc hoặc ngày nghỉ).",
                englishMessage: "\(day.iso) has no \(body.slot) slot (outside office hours or a day off).")
        }
        guard slot.start > clock.now() else {
            throw QueueError(
                .conflict, message: "Khung giờ \(body.slot) đã qua.", englishMessage: "The \(body.slot) slot has already passed.")
        }
        return try await database.book(
            field: body.field, slot: slot, capacity: settings.capacity, by: context.user?.username, source: context.clientAddress,
            at: clock.now())
    }

    func daySlots(_ day: DayKey, settings: BookingSettings) throws -> [BookingSlot] {
        guard let calendar = calendar?.current else { return [] }
        return try calendar.bookingSlots(on: day, minutes: settings.slotMinutes)
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
        if let wait = rateLimiter.take(context.clientAddress, now: clock.now()) {
            var error = APIError(
                .tooManyRequests, .rateLimited, "Thao tác quá nhanh từ máy này; vui lòng chờ \(wait) giây rồi thử lại.",
                "Too many requests from this client; retry in \(wait) s.")
            error.retryAfterSeconds = wait
            throw error
        }
    }
}
