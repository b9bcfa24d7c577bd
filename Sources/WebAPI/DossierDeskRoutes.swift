import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The return desk on the staff page: find a dossier by number, phone or name, and record why its result
/// will be late and the new date (which the apology letter then prints).
struct DossierDeskRoutes {
    let database: AppDatabase
    let book: CalendarBook
    let clock: any WallClock

    struct DelayRequest: Decodable {
        let reason: String
        /// The working day (YYYY-MM-DD) the result will now be ready, by that day's closing.
        let newDate: String
    }

    struct SearchAnswer: Encodable, Sendable { let dossiers: [Dossier] }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/dossiers/search") { request, context in
            let actor = try context.requireActor()
            let query = request.uri.queryParameters.get("q") ?? ""
            try TextInput.check(query, "q")
            guard query.count <= 100 else {
                throw QueueError.invalid("Từ khóa tìm quá dài (tối đa 100 ký tự).", "The search text is too long (100 characters at most).")
            }
            return JSON(SearchAnswer(dossiers: try await database.searchDossiers(query, by: actor, at: clock.now())))
        }
        routes.add(.post, "/api/v1/dossiers/{id}/delay") { request, context in
            let actor = try context.requireActor()
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw QueueError.invalid("Mã hồ sơ phải là số.", "The dossier id must be a number.")
            }
            let body = try await request.decode(as: DelayRequest.self, context: context)
            let reason = try DossierDeskInput.reason(body.reason)
            let newPromisedAt = try newReturnInstant(body.newDate)
            return JSON(
                try await database.delayDossier(
                    id: id, reason: reason, newPromisedAt: newPromisedAt, by: actor, client: context.clientAddress, at: clock.now()))
        }
    }

    /// The closing instant of `text`'s day, which must be a working day on the calendar.
    func newReturnInstant(_ text: String) throws -> Date {
        guard let day = DayKey(iso: text) else {
            throw QueueError.invalid("Ngày hẹn mới “\(text)” phải có dạng YYYY-MM-DD.", "The new date '\(text)' must be YYYY-MM-DD.")
        }
        guard let closing = try book.current.closingTime(on: day) else {
            throw QueueError.invalid(
                "Ngày \(day.vietnamese) là ngày nghỉ; hãy hẹn vào một ngày làm việc.",
                "\(day.iso) is not a working day; pick a working day.")
        }
        return closing
    }
}

/// Checks of what the officer types at the dossier desk, at the boundary.
enum DossierDeskInput {
    static func citizen(name: String?, phone: String?) throws -> DossierCitizen? {
        let name = name?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let phone = try phone.flatMap(Self.phone)
        if let name {
            try TextInput.check(name, "citizenName")
            guard name.count <= 100 else {
                throw QueueError.invalid("Họ tên quá dài (tối đa 100 ký tự).", "The name is too long (100 characters at most).")
            }
        }
        return name == nil && phone == nil ? nil : DossierCitizen(name: name, phone: phone)
    }

    /// Digits only, 9 to 11 of them (Vietnamese mobiles and landlines; "+84" read as "0"); spaces, dots and dashes dropped.
    static func phone(_ text: String) throws -> String? {
        var compact = text.filter { !" .-()".contains($0) }
        if compact.isEmpty { return nil }
        if compact.hasPrefix("+84") { compact = "0" + compact.dropFirst(3) }
        guard compact.allSatisfy(\.isASCII), compact.allSatisfy(\.isNumber), (9...11).contains(compact.count) else {
            throw QueueError.invalid(
                "Số điện thoại “\(text)” không hợp lệ: cần 9–11 chữ số, ví dụ 0912 345 678.",
                "The phone number '\(text)' is not valid: 9–11 digits, e.g. 0912 345 678.")
        }
        return compact
    }

    static func reason(_ text: String) throws -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            throw QueueError.invalid(
                "Hãy ghi lý do trễ hẹn (tối đa 500 ký tự).", "Write the reason for the delay (500 characters at most).")
        }
        guard !reason.unicodeScalars.contains(where: { TextInput.isControl($0) && $0 != "\n" }) else {
            throw QueueError.invalid("Lý do chứa ký tự điều khiển.", "The reason contains a control character.")
        }
        return reason
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
