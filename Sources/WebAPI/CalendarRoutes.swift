import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Calendar answers for other systems: when a dossier received now will be ready, and which day is the
/// next working day. Public: they reveal nothing about tickets.
struct CalendarRoutes {
    let database: AppDatabase
    let book: CalendarBook
    let clock: any WallClock

    struct PromiseAnswer: Encodable, Sendable {
        let procedure: String
        let receivedAt: Date
        let promisedAt: Date
        let rule: String
        let workingDays: Int?
        let explanation: String
        let explanationEn: String
    }

    struct WorkingDayAnswer: Encodable, Sendable {
        let day: String
        let closesAt: Date?
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/calendar/promise") { request, _ in
            guard let code = request.uri.queryParameters.get("procedure"), !code.isEmpty else {
                throw QueueError.invalid("Thiếu tham số procedure (mã thủ tục).", "Missing query parameter 'procedure'.")
            }
            let at = try instant(request)
            guard let procedure = try await database.catalog().procedures.first(where: { $0.code == code }) else {
                throw QueueError(.unknownProcedure, message: "Không có thủ tục mã “\(code)”.", englishMessage: "No procedure '\(code)'.")
            }
            let promise = try PromiseCalculator(calendar: book.current).promise(for: procedure, receivedAt: at)
            return JSON(
                PromiseAnswer(
                    procedure: code, receivedAt: at, promisedAt: promise.promisedAt, rule: promise.rule.code,
                    workingDays: promise.rule.workingDays, explanation: promise.explanation, explanationEn: promise.explanationEn))
        }
        routes.add(.get, "/api/v1/calendar/next-working-day") { request, _ in
            let calendar = book.current
            let day = try calendar.nextWorkingDay(after: DayKey(try instant(request)))
            return JSON(WorkingDayAnswer(day: day.iso, closesAt: try calendar.closingTime(on: day)))
        }
    }

    /// `at` as ISO 8601 with an offset (now when absent).
    func instant(_ request: Request) throws -> Date {
        guard let text = request.uri.queryParameters.get("at") else { return clock.now() }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw QueueError.invalid(
                "Thời điểm “\(text)” không đúng dạng ISO 8601 (vd 2026-03-06T15:45:00+07:00).",
                "'\(text)' is not an ISO 8601 instant (e.g. 2026-03-06T15:45:00+07:00).")
        }
        return date
    }
}
