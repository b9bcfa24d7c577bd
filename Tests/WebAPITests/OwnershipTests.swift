import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Staff act only on their own counter's tickets")
struct OwnershipTests {
    /// Every action on a ticket called to counter 1 is refused to the officer of counter 2 (who serves the
    /// same field) with 403 and the JSON error shape; a waiting ticket is at no counter, so staff may not
    /// cancel or reprint it either; supervisors and admins act on all.
    @Test func staffActOnlyOnTicketsCalledToTheirCounter() async throws {
        let hall = try await TestHall()
        for _ in 1...2 { _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()) }
        try await withAPI(hall) { client in
            let own = try await client.login("quay1")
            let other = try await client.login("quay2")
            let called = try #require(try await client.json("/api/v1/counters/1/next", .post, token: own).object()["id"] as? Int)
            let actions: [(String, String?)] = [
                ("recall", nil), ("serve", nil), ("no-show", nil), ("cancel", nil), ("reprint", nil), ("done", #"{"outcome":"returned"}"#),
                ("transfer", #"{"field":"ho-tich"}"#),
            ]
            for (action, body) in actions {
                let refused = try await client.json("/api/v1/tickets/\(called)/\(action)", .post, token: other, body: body)
                #expect(refused.status == .forbidden, "\(action)")
                let error = try #require(try refused.object()["error"] as? [String: Any])
                #expect(error["code"] as? String == "not_your_counter")
                #expect((error["message"] as? String)?.contains("quầy 2") == true)
                #expect((error["messageEn"] as? String)?.contains("counter 2") == true)
            }
            let waiting = try #require(try await client.json("/api/v1/counters/1/queue", token: own).array().first?["id"] as? Int)
            #expect(try await client.json("/api/v1/tickets/\(waiting)/cancel", .post, token: own).status == .forbidden)
            #expect(try await client.json("/api/v1/tickets/\(waiting)/reprint", .post, token: own).status == .forbidden)
            #expect(try await client.json("/api/v1/tickets/\(called)/reprint", .post, token: own).status == .ok)
            #expect(try await client.json("/api/v1/tickets/\(called)/recall", .post, token: own).status == .ok)
            let supervisor = try await client.login("giamsat")
            #expect(try await client.json("/api/v1/tickets/\(waiting)/reprint", .post, token: supervisor).status == .ok)
            #expect(try await client.json("/api/v1/tickets/\(waiting)/cancel", .post, token: supervisor).status == .ok)
            let admin = try await client.login("admin")
            #expect(try await client.json("/api/v1/tickets/\(called)/serve", .post, token: admin).status == .ok)
        }
    }

    /// A dossier is returned by any counter serving its field (not only where it was received); a counter
    /// that does not serve the field gets 403; supervisors return any.
    @Test func dossiersAreReturnedByCountersServingTheirField() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let one = try await client.login("quay1")
            let two = try await client.login("quay2")
            let land = try await Self.receive(client, counter: 1, token: one, procedure: "1.004227")
            let birth = try await Self.receive(client, counter: 2, token: two, procedure: "1.001193")
            let refused = try await client.json("/api/v1/dossiers/\(birth)/return", .post, token: one)
            #expect(refused.status == .forbidden)
            #expect(try refused.errorCode() == "not_your_counter")
            #expect(try refused.errorMessage()?.contains("Quầy 1 không phục vụ lĩnh vực “ho-tich”") == true)
            #expect(try await client.json("/api/v1/dossiers/\(land)/return", .post, token: two).status == .ok)
            let supervisor = try await client.login("giamsat")
            #expect(try await client.json("/api/v1/dossiers/\(birth)/return", .post, token: supervisor).status == .ok)
        }
    }

    /// Calls the counter's next ticket, serves it and records a complete dossier; returns the dossier id.
    static func receive(_ client: any TestClientProtocol, counter: Int, token: String, procedure: String) async throws -> Int {
        let ticket = try #require(try await client.json("/api/v1/counters/\(counter)/next", .post, token: token).object()["id"] as? Int)
        _ = try await client.json("/api/v1/tickets/\(ticket)/serve", .post, token: token)
        let intake = try await client.json(
            "/api/v1/tickets/\(ticket)/dossiers", .post, token: token, body: #"{"procedure":"\#(procedure)","complete":true}"#)
        return try #require((try intake.object()["dossier"] as? [String: Any])?["id"] as? Int)
    }
}
