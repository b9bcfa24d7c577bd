import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Checking what a citizen typed, the tracking-code lookup and the deadline.
extension FeedbackRoutes {
    func submission(_ body: SubmitRequest, staff: String?) throws -> FeedbackSubmission {
        let contact = try body.contact.flatMap { try Self.optional($0, "contact", max: 120) }
        return FeedbackSubmission(
            subject: try Self.text(body.subject, "subject", max: 120, multiline: false), text: try Self.text(body.text, "text", max: 2000),
            contact: contact, channel: staff != nil ? .counter : (body.channel == .kiosk ? .kiosk : .web),
            ticket: try body.ticket.flatMap { try Self.optional($0, "ticket", max: 40) },
            dossier: try body.dossier.flatMap { try Self.optional($0, "dossier", max: 40) }, receivedBy: staff)
    }

    /// Trimmed text of 1…`max` characters; newlines only where `multiline`, never other control characters.
    static func text(_ value: String, _ name: String, max: Int, multiline: Bool = true) throws -> String {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
        if text.unicodeScalars.contains(where: { TextInput.isControl($0) && !allowed.contains($0) }) { try TextInput.check(text, name) }
        guard (1...max).contains(text.count) else {
            throw QueueError.invalid(
                "“\(name)” phải có từ 1 đến \(max) ký tự (nhận \(text.count)).",
                "'\(name)' must be 1 to \(max) characters (got \(text.count)).")
        }
        return text
    }

    /// Like `text`, but empty means absent.
    static func optional(_ value: String, _ name: String, max: Int) throws -> String? {
        value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try text(value, name, max: max, multiline: false)
    }

    /// The item behind the path's code after the guess throttle; an unknown code counts as a guess (404).
    func known(_ context: AppRequestContext) async throws -> FeedbackItem {
        let typed = try context.parameters.require("code")
        let attempt: LoginThrottle.Attempt
        switch guesses.begin(username: "\u{1F}feedback", address: context.clientAddress, now: clock.now()) {
        case .success(let allowed): attempt = allowed
        case .failure(let refusal):
            var error = APIError(
                .tooManyRequests, .rateLimited, "Nhập sai mã tra cứu quá nhiều lần; thử lại sau \(refusal.retryAfterSeconds) giây.",
                "Too many unknown tracking codes; try again in \(refusal.retryAfterSeconds) s.")
            error.retryAfterSeconds = refusal.retryAfterSeconds
            throw error
        }
        guard let code = BookingCode.normalized(typed), let item = try await database.feedback(code: code, at: clock.now()) else {
            _ = guesses.failed(attempt)
            throw QueueError(
                .unknownFeedback, message: "Không có phản ánh, kiến nghị mã “\(typed)”.",
                englishMessage: "No feedback with code '\(typed)'.")
        }
        guesses.succeeded(attempt)
        return item
    }

    /// `feedbackWorkingDays` working days after the day of receipt (a day off counts from the next working day),
    /// at that day's closing; without a calendar, weekdays at 17:00.
    func deadline(from now: Date) throws -> Date {
        let days = targets.current.feedbackDeadlineDays
        let today = DayKey(now)
        guard let calendar = calendar?.current else {
            var day = today
            var counted = 0
            while counted < days {
                day = day.adding(days: 1)
                if !day.isWeekend { counted += 1 }
            }
            return day.date(atMinute: 17 * 60)
        }
        let due = try calendar.addWorkingDays(days, to: today)
        return try calendar.closingTime(on: due) ?? due.date(atMinute: 17 * 60)
    }

    func limit(_ context: AppRequestContext) throws {
        try rateLimiter.enforce(context.clientAddress, now: clock.now()) { wait in
            ("Gửi quá nhanh từ máy này; vui lòng chờ \(wait) giây rồi thử lại.", "Too many requests from this client; retry in \(wait) s.")
        }
    }
}
