import Foundation
import Hummingbird
import QueueCore
import QueueStore

/// The kiosk's ID-card scan (CCCD / VNeID QR typed by a keyboard-wedge scanner): answers the name and the last
/// four digits to put on the ticket, and the citizen's booking for today if they have one. Nothing is stored and
/// the raw text is never logged. A page posts `{"data": "…"}`; a scanner bridge may post the raw bytes as
/// `text/plain`, which is how a non-UTF-8 scan reaches the parser and is refused with words.
extension PublicRoutes {
    struct IDScanRequest: Decodable {
        let data: String
    }

    struct IDScanAnswer: Encodable, Sendable {
        let name: String
        let idLast4: String
        let booking: Booking?
    }

    func registerIDScan(on routes: RouteTable) {
        routes.add(.post, "/api/v1/kiosk/id-scan") { request, context in
            try rateLimit(context)
            let card = try await scannedCard(request, context: context)
            let citizen = CitizenTag(card: card)
            return JSON(
                IDScanAnswer(
                    name: card.name, idLast4: card.idLast4,
                    booking: try await database.openBookingToday(for: citizen, at: clock.now())))
        }
    }

    func scannedCard(_ request: Request, context: AppRequestContext) async throws -> CitizenIDCard {
        if request.headers[.contentType]?.lowercased().hasPrefix("text/plain") == true {
            let buffer = try await request.body.collect(upTo: 4096)
            return try CitizenIDCard(bytes: Array(buffer.readableBytesView))
        }
        let body = try await request.decode(as: IDScanRequest.self, context: context)
        guard body.data.utf8.count <= 4096 else {
            throw QueueError(
                .invalidIDCard, message: "Dữ liệu quét quá dài để là mã QR căn cước.",
                englishMessage: "The scan is too long for an ID card QR.")
        }
        return try CitizenIDCard(text: body.data)
    }
}
