import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Ticket API")
struct TicketAPITests {
    @Test func fieldsListWaitingCounts() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let fields = try await client.json("/api/v1/fields").array()
            #expect(fields.map { $0["code"] as? String } == ["dat-dai", "ho-tich"])
            #expect(fields.map { $0["prefix"] as? String } == ["A", "B"])
            #expect(fields.map { $0["name"] as? String } == ["Đất đai", "Hộ tịch"])
            #expect(fields.map { $0["waiting"] as? Int } == [0, 1])
            // Civil status: one counter, free, one waiting → the next person is second in line behind a free
            // counter: (2 − 1 − ½) × 6 min = 3 min.
            #expect(fields.map { $0["estimatedWaitMinutes"] as? Int } == [0, 3])
        }
    }

    @Test func theCatalogIsPublishedForTheStaffDesk() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let catalog = try await client.json("/api/v1/catalog").object()
            let procedures = try #require(catalog["procedures"] as? [[String: Any]])
            #expect(procedures.map { $0["code"] as? String } == ["1.001193", "1.004227"])
            #expect(procedures.first?["name"] as? String == "Đăng ký khai sinh")
        }
    }

    @Test func issuingReturnsTheContract() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            _ = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            let response = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai","priority":"elderly"}"#)
            #expect(response.status == .created)
            let ticket = try response.object()
            #expect(ticket["number"] as? String == "A002")
            #expect(ticket["field"] as? String == "dat-dai")
            #expect(ticket["priority"] as? String == "elderly")
            #expect(ticket["issuedAt"] as? String == "2026-03-02T08:00:00+07:00")
            #expect(ticket["ahead"] as? Int == 0)
            #expect(ticket["estimatedWaitMinutes"] as? Int == 0)
            #expect(ticket["id"] as? Int == 2)
            let token = try #require(ticket["token"] as? String)
            #expect(token.count == 32)
            #expect(ticket["statusUrl"] as? String == "/t/\(token)")
        }
    }

    @Test func badRequestsGetSpecificErrors() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let unknown = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dau-tu"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.errorCode() == "unknown_field")
            #expect(try unknown.errorMessage() == "Không có lĩnh vực mã “dau-tu”.")
            let notJSON = try await client.json("/api/v1/tickets", .post, body: "field=dat-dai")
            #expect(notJSON.status == .unprocessableContent)
            #expect(try notJSON.errorCode() == "invalid_body")
            let badPriority = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai","priority":"vip"}"#)
            #expect(badPriority.status == .unprocessableContent)
            let missing = try await client.json("/api/v1/tickets", .post, body: #"{}"#)
            #expect(try missing.errorMessage()?.contains("field") == true)
            let huge = try await client.json(
                "/api/v1/tickets", .post, body: #"{"field":""# + String(repeating: "x", count: 70_000) + #""}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(try huge.errorCode() == "body_too_large")
        }
        #expect(try await hall.database.lastEventID() == 0)
    }

    @Test func issuingIsRateLimitedPerClient() async throws {
        let hall = try await TestHall(issueRateLimit: 3)
        try await withAPI(hall) { client in
            for _ in 0..<3 {
                #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created)
            }
            let refused = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.errorCode() == "rate_limited")
            #expect(refused.headers[.retryAfter] == "20")
        }
        #expect(try await hall.database.fieldQueues(at: hall.clock.now()).first?.waiting == 3)
    }

    @Test func publicStatusByTokenOnly() async throws {
        let hall = try await TestHall()
        let first = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        let second = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let status = try await client.json("/api/v1/public/tickets/\(second.ticket.token)").object()
            #expect(status["number"] as? String == "B002")
            #expect(status["ahead"] as? Int == 1)
            #expect(status["fieldName"] as? String == "Hộ tịch")
            #expect(status["state"] as? String == "waiting")
            #expect(status["token"] == nil)
            let byID = try await client.json("/api/v1/public/tickets/\(first.ticket.id)")
            #expect(byID.status == .notFound)
            #expect(try byID.errorCode() == "unknown_ticket")
        }
    }
}
