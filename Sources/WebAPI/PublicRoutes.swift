import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// What the kiosk, the hall display and a citizen's phone may use without signing in. They see ticket
/// numbers, fields and counters only: no staff names, no other tickets' tokens.
struct PublicRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let rateLimiter: RateLimiter
    let clientAddress: ClientAddress
    let ticketOutput: any TicketOutput
    let publicURL: String
    /// The service calendar: no tickets after closing or on days off. Nil (no calendar files) issues at any hour.
    var calendar: CalendarBook?
    /// The booking settings in force (slots, places, the walk-in cap).
    var bookingRules = BookingRules()
    /// Set when text messages can be sent (see `ServerSettings.smsCharset`).
    var smsCharset: ModemProfile.Charset?
    /// Unknown booking codes per client address: guessing is refused after 10 in 15 minutes.
    let bookingGuesses = LoginThrottle(limits: .init(perPair: 10, perAddress: 10))

    struct IssueRequest: Decodable {
        let field: String
        let priority: Priority?
        /// The citizen a scanned ID card named (`POST /kiosk/id-scan`), kept on the ticket for the dossier.
        let citizen: CitizenTag?
    }

    struct IssueResponse: Encodable, Sendable {
        let id: Int64
        let number: String
        let field: String
        let fieldName: String
        let fieldNameEn: String
        let priority: Priority
        let issuedAt: Date
        let ahead: Int
        let estimatedWaitMinutes: Int
        let token: String
        let statusUrl: String
        let printed: PrintOutcome
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/fields") { _, _ in JSON(try await database.fieldQueues(at: clock.now())) }
        routes.add(.get, "/api/v1/hall") { _, _ in JSON(try await database.hallState(at: clock.now(), calendar: calendar)) }
        // The centre's published catalog (fields, procedures with statutory days, counters, sessions): the
        // staff desk's dossier form and other systems read it; nothing in it is private.
        routes.add(.get, "/api/v1/catalog") { _, _ in JSON(try await database.catalog()) }
        routes.add(.post, "/api/v1/tickets") { request, context in try await issue(request, context) }
        routes.add(.get, "/api/v1/public/tickets/{token}") { _, context in
            let token = try context.parameters.require("token")
            guard let status = try await database.ticketStatus(token: token, at: clock.now()) else { throw QueueError.unknownTicket(token) }
            return JSON(status)
        }
        routes.add(.get, "/api/v1/public/tickets/{token}/ticket.png") { _, context in
            try await ticketImage(token: try context.parameters.require("token"))
        }
        routes.add(.get, "/api/v1/public/tickets/{token}/qr.svg") { request, context in
            try await statusQR(token: try context.parameters.require("token"), request: request, context: context)
        }
        registerPrinting(on: routes)
        registerBookings(on: routes)
        registerIDScan(on: routes)
        registerSMS(on: routes)
    }

    /// The link to a ticket's status page (`/t/{token}`): absolute with `--public-url`, else relative.
    func statusURL(token: String) -> String { "\(publicURL)/t/\(token)" }

    /// `statusURL` as the kiosk page resolves it (`new URL(statusUrl, location.origin)`): a relative link
    /// gets the origin the request came to.
    func statusURL(token: String, resolvedFor request: Request, context: AppRequestContext) -> String {
        let link = statusURL(token: token)
        return URL(string: link)?.scheme != nil ? link : clientAddress.origin(of: request, peer: context.remoteAddress?.ipAddress) + link
    }

    /// The ticket's status link as a QR code drawn by libqrencode, for the kiosk screen: the same link the
    /// kiosk shows beside it.
    func statusQR(token: String, request: Request, context: AppRequestContext) async throws -> Response {
        // Only the token shape the hall issues reaches the store; any other is as unknown as a wrong one,
        // as on the status and ticket-image routes.
        guard Ticket.isWellFormedToken(token), try await database.ticket(token: token) != nil else {
            throw QueueError.unknownTicket(token)
        }
        let svg = try QRCode(encoding: statusURL(token: token, resolvedFor: request, context: context)).svg()
        // A token's link never changes while the server runs; `private`, since the image carries the token.
        return Response(
            status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "private, max-age=86400"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: svg)))
    }

    /// The paper ticket as the printer draws it, for the kiosk screen and the phone.
    func ticketImage(token: String) async throws -> Response {
        guard let status = try await database.ticketStatus(token: token, at: clock.now()),
            let ticket = try await database.ticket(token: token)
        else { throw QueueError.unknownTicket(token) }
        let request = PrintRequest(
            ticket: ticket, fieldName: status.fieldName, ahead: status.ahead,
            estimatedWaitMinutes: status.estimatedWaitMinutes, kiosk: nil)
        guard let png = await ticketOutput.preview(request) else {
            throw APIError(.notFound, .notFound, "Không có máy in nên không có ảnh phiếu.", "No printer model, so no ticket image.")
        }
        return Response(
            status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: png)))
    }

    func issue(_ request: Request, _ context: AppRequestContext) async throws -> JSON<IssueResponse> {
        // Queued print jobs wait while tickets are issued (a rush); this ticket's own job is printed after it.
        let (issued, address) = try await PrintLane.shared.issuing { try await store(request, context) }
        return try await printedAnswer(issued, kiosk: address)
    }

    /// Checks the kiosk's request and stores its ticket (and the ticket's print job).
    func store(_ request: Request, _ context: AppRequestContext) async throws -> (IssuedTicket, String) {
        let address = context.clientAddress
        try rateLimiter.enforce(address, now: clock.now()) { wait in
            (
                "Lấy số quá nhanh từ máy này; vui lòng chờ \(wait) giây rồi thử lại.",
                "Too many tickets from this client; retry in \(wait) s."
            )
        }
        let body = try await request.decode(as: IssueRequest.self, context: context)
        try TextInput.check(body.field, "field")
        // One instant for both: a ticket judged open is issued at that same time, never a moment after closing.
        let now = clock.now()
        try refuseWhenClosed(at: now)
        try await refuseOverWalkInCap(field: body.field, at: now)
        // The print job is stored in the ticket's own transaction: one commit, and never a ticket without its job.
        let issued = try await database.issueTicket(
            field: body.field, priority: body.priority ?? .none, source: address, at: now,
            printer: ticketOutput.printerID(forKiosk: address), citizen: try body.citizen?.validated())
        return (issued, address)
    }

    /// A new ticket printed on the kiosk's printer and answered as `POST /tickets` answers (also a booking's check-in).
    func printedAnswer(_ issued: IssuedTicket, kiosk address: String) async throws -> JSON<IssueResponse> {
        let printed = await ticketOutput.print(
            PrintRequest(
                ticket: issued.ticket, fieldName: issued.fieldName, ahead: issued.ahead,
                estimatedWaitMinutes: issued.estimatedWaitMinutes, kiosk: address, printJobID: issued.printJobID))
        let ticket = issued.ticket
        return JSON(
            IssueResponse(
                id: ticket.id, number: ticket.label, field: ticket.field, fieldName: issued.fieldName,
                fieldNameEn: issued.fieldNameEn, priority: ticket.priority, issuedAt: ticket.issuedAt,
                ahead: issued.ahead, estimatedWaitMinutes: issued.estimatedWaitMinutes, token: ticket.token,
                statusUrl: statusURL(token: ticket.token), printed: printed),
            status: .created)
    }

    /// After closing and on days off: 409 `hall_closed` with the next opening, in words and as `nextOpening`.
    /// A year without a calendar file does not stop the kiosk (the promise routes report that gap).
    func refuseWhenClosed(at now: Date) throws {
        guard let status = try? calendar?.current.issuingStatus(at: now), !status.open else { return }
        var error = APIError(
            .conflict, .hallClosed, "Đã hết giờ lấy số. " + (status.message ?? ""),
            "Ticket issuing has closed for today. " + (status.messageEn ?? ""))
        error.nextOpening = status.nextOpening
        throw error
    }
}
