import DeviceProtocols
import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Status QR code")
struct StatusQRTests {
    static func qr(_ token: String) -> String { "/api/v1/public/tickets/\(token)/qr.svg" }

    @Test func aTicketsQRIsAnSVGOfItsStatusLinkWithoutSigningIn() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let response = try await client.execute(uri: Self.qr(issued.ticket.token), method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "image/svg+xml")
            #expect(response.headers[.cacheControl] == "private, max-age=86400")
            let body = String(buffer: response.body)
            #expect(body.hasPrefix("<svg"))
            // Without --public-url the link is relative; the page resolves it against its own origin, and so
            // does the server with the request's Host (the test client's is `localhost`).
            #expect(body == (try QRCode(encoding: "http://localhost/t/\(issued.ticket.token)").svg()))
        }
    }

    @Test func itEncodesTheStatusURLTheKioskWasGiven() async throws {
        let hall = try await TestHall()
        var settings = hall.settings
        settings.publicURL = "http://192.168.1.10:8080"
        let kiosk = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        try await withAPI(hall, kiosk: kiosk) { client in
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).object()
            let token = try #require(issued["token"] as? String)
            let statusURL = try #require(issued["statusUrl"] as? String)
            #expect(statusURL == "http://192.168.1.10:8080/t/\(token)")
            let response = try await client.execute(uri: Self.qr(token), method: .get)
            #expect(String(buffer: response.body) == (try QRCode(encoding: statusURL).svg()))
        }
    }

    @Test func behindATrustedProxyTheForwardedOriginCounts() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        let forwarded: HTTPFields = [
            HTTPField.Name("X-Forwarded-Proto")!: "https", HTTPField.Name("X-Forwarded-Host")!: "xephang.example.vn",
        ]
        // A real socket: the forwarded headers count only from a trusted proxy (here loopback, the default).
        try await withLiveAPI(hall) { client in
            let response = try await client.execute(uri: Self.qr(issued.ticket.token), method: .get, headers: forwarded)
            #expect(String(buffer: response.body) == (try QRCode(encoding: "https://xephang.example.vn/t/\(issued.ticket.token)").svg()))
        }
        // Without --trust-proxy anyone could choose the link in the code: the headers are ignored.
        try await withAPI(hall) { client in
            let response = try await client.execute(uri: Self.qr(issued.ticket.token), method: .get, headers: forwarded)
            #expect(String(buffer: response.body) == (try QRCode(encoding: "http://localhost/t/\(issued.ticket.token)").svg()))
        }
    }

    @Test func unknownAndMalformedTokensAreNotFound() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        let unknown = String(repeating: "0", count: Ticket.tokenLength)
        // Malformed: the ticket's id, a capital hex digit, one digit short, one too many, not hex.
        let malformed = [
            "\(issued.ticket.id)", "A" + issued.ticket.token.dropFirst(), String(issued.ticket.token.dropLast()),
            issued.ticket.token + "0", String(repeating: "g", count: Ticket.tokenLength),
        ]
        try await withAPI(hall) { client in
            for token in [unknown] + malformed {
                let response = try await client.json(Self.qr(token))
                #expect(response.status == .notFound, "\(token)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try response.errorCode() == "unknown_ticket", "\(token)")
            }
        }
    }
}
