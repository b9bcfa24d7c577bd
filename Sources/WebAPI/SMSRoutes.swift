import DeviceProtocols
import Foundation
import Hummingbird
import QueueCore
import QueueStore

/// Text messages a citizen asks for, with consent and for one service day only: "sắp đến lượt" for a ticket (from
/// its phone page) and a booking's confirmation. `GET /api/v1/sms` tells pages whether the hall can send at all.
extension PublicRoutes {
    struct SMSAvailability: Encodable, Sendable {
        let available: Bool
        let charset: String?
    }

    struct TicketSMSRequest: Decodable {
        let phone: String
        let consent: Bool
    }

    struct TicketSMSAnswer: Encodable, Sendable {
        let available: Bool
        let subscribed: Bool
        /// The last three digits, so the page can say where the message goes without showing the number.
        let phone: String?
    }

    func registerSMS(on routes: RouteTable) {
        routes.add(.get, "/api/v1/sms") { _, _ in JSON(SMSAvailability(available: smsCharset != nil, charset: smsCharset?.rawValue)) }
        routes.add(.get, "/api/v1/public/tickets/{token}/sms") { _, context in
            let ticket = try await knownTicket(context)
            return JSON(
                TicketSMSAnswer(available: smsCharset != nil, subscribed: ticket.phone != nil, phone: ticket.phone.map(SMSMessage.masked)))
        }
        routes.add(.put, "/api/v1/public/tickets/{token}/sms") { request, context in
            try rateLimit(context)
            let token = try await knownTicket(context).token
            let body = try await request.decode(as: TicketSMSRequest.self, context: context)
            let phone = try consentedPhone(body.phone, consent: body.consent)
            _ = try await database.setTicketSMS(token: token, phone: phone, at: clock.now())
            return JSON(TicketSMSAnswer(available: true, subscribed: true, phone: SMSMessage.masked(phone)))
        }
        routes.add(.delete, "/api/v1/public/tickets/{token}/sms") { _, context in
            let token = try await knownTicket(context).token
            _ = try await database.setTicketSMS(token: token, phone: nil, at: clock.now())
            return JSON(TicketSMSAnswer(available: smsCharset != nil, subscribed: false, phone: nil))
        }
    }

    func knownTicket(_ context: AppRequestContext) async throws -> (token: String, phone: String?) {
        let token = try context.parameters.require("token")
        guard Ticket.isWellFormedToken(token), let phone = try await database.ticketSMSPhone(token: token) else {
            throw QueueError.unknownTicket(token)
        }
        return (token, phone.value)
    }

    /// A Vietnamese mobile number (10 digits from 0, or +84…) given with consent; 409 when the hall has no modem.
    func consentedPhone(_ text: String, consent: Bool) throws -> String {
        guard smsCharset != nil else {
            throw QueueError(
                .conflict, message: "Trung tâm chưa bật nhắn tin SMS; hãy theo dõi trên trang này.",
                englishMessage: "This centre has no text messages; follow your place on this page.")
        }
        guard consent else {
            throw QueueError.invalid(
                "Cần đồng ý nhận tin nhắn thì mới lưu số điện thoại (số sẽ được xoá sau ngày hôm đó).",
                "Consent is needed to keep the phone number (it is deleted after that day).")
        }
        let mobile = QueueError.invalid(
            "Số điện thoại di động cần 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).",
            "A mobile number has 10 digits starting with 0 (e.g. 0912 345 678).")
        let phone: String?
        do { phone = try DossierDeskInput.phone(text) } catch { throw mobile }
        guard let phone, phone.count == 10, phone.hasPrefix("0") else { throw mobile }
        return phone
    }

    /// The confirmation message for a booking made with a phone.
    func smsConfirmation(_ body: BookRequest) throws -> BookingSMS? {
        guard let text = body.phone, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let phone = try consentedPhone(text, consent: body.smsConsent == true)
        let slot = body.slot
        let day = DayKey(iso: body.date)?.vietnamese ?? body.date
        return BookingSMS(phone: phone) { code in
            // One UCS-2 message holds 70 characters: this one is 66.
            "Lịch hẹn \(slot) \(day), mã \(code). Nhập mã tại ki-ốt khi đến."
        }
    }
}
