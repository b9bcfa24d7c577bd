import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Staff API and roles")
struct StaffAPITests {
    @Test func staffRoutesNeedAValidToken() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let none = try await client.json("/api/v1/counters/1/next", .post)
            #expect(none.status == .unauthorized)
            #expect(try none.errorCode() == "unauthorized")
            let wrong = try await client.json("/api/v1/counters/1/next", .post, token: String(repeating: "a", count: 64))
            #expect(wrong.status == .unauthorized)
            let badPassword = try await client.json("/api/v1/auth/login", .post, body: #"{"username":"quay1","password":"nope-nope"}"#)
            #expect(badPassword.status == .unauthorized)
            #expect(try badPassword.errorMessage() == "Sai tên đăng nhập hoặc mật khẩu.")
        }
    }

    @Test func rolesAreEnforced() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let staff = try await client.login("quay1")
            let otherCounter = try await client.json("/api/v1/counters/2/next", .post, token: staff)
            #expect(otherCounter.status == .forbidden)
            #expect(try otherCounter.errorCode() == "not_your_counter")
            let admin = try await client.json("/api/v1/admin/catalog", token: staff)
            #expect(admin.status == .forbidden)
            #expect(try admin.errorCode() == "forbidden")
            let supervisor = try await client.login("giamsat")
            #expect(try await client.json("/api/v1/admin/users", token: supervisor).status == .forbidden)
            #expect(try await client.json("/api/v1/counters/2/next", .post, token: supervisor).status == .noContent)
        }
    }

    @Test func callServeAndFinish() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let called = try await client.json("/api/v1/counters/1/next", .post, token: token)
            #expect(called.status == .ok)
            let ticket = try called.object()
            #expect(ticket["number"] as? String == "A001")
            #expect(ticket["state"] as? String == "called")
            #expect(ticket["counter"] as? Int == 1)
            let id = try #require(ticket["id"] as? Int)
            let busy = try await client.json("/api/v1/counters/1/next", .post, token: token)
            #expect(busy.status == .conflict)
            #expect(try busy.errorCode() == "counter_busy")
            #expect(try await client.json("/api/v1/tickets/\(id)/recall", .post, token: token).object()["recalls"] as? Int == 1)
            #expect(try await client.json("/api/v1/tickets/\(id)/serve", .post, token: token).object()["state"] as? String == "serving")
            let serveAgain = try await client.json("/api/v1/tickets/\(id)/serve", .post, token: token)
            #expect(serveAgain.status == .conflict)
            #expect(try serveAgain.errorCode() == "invalid_transition")
            let badOutcome = try await client.json("/api/v1/tickets/\(id)/done", .post, token: token, body: #"{"outcome":"maybe"}"#)
            #expect(badOutcome.status == .unprocessableContent)
            let done = try await client.json("/api/v1/tickets/\(id)/done", .post, token: token, body: #"{"outcome":"returned"}"#)
            #expect(try done.object()["state"] as? String == "done")
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: token).status == .noContent)
            #expect(try await client.json("/api/v1/tickets/999/serve", .post, token: token).status == .notFound)
        }
    }

    @Test func transferToAnotherField() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let id = try #require(try await client.json("/api/v1/counters/1/next", .post, token: token).object()["id"] as? Int)
            let unknown = try await client.json("/api/v1/tickets/\(id)/transfer", .post, token: token, body: #"{"field":"x"}"#)
            #expect(unknown.status == .unprocessableContent)
            let moved = try await client.json("/api/v1/tickets/\(id)/transfer", .post, token: token, body: #"{"field":"ho-tich"}"#)
            #expect(try moved.object()["field"] as? String == "ho-tich")
            #expect(try moved.object()["state"] as? String == "waiting")
            let queue = try await client.json("/api/v1/counters/2/queue", token: token).array()
            #expect(queue.map { $0["number"] as? String } == ["A001"])
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let token = try await client.login("quay2")
            #expect(try await client.json("/api/v1/me", token: token).object()["counter"] as? Int == 2)
            #expect(try await client.json("/api/v1/auth/logout", .post, token: token).status == .noContent)
            #expect(try await client.json("/api/v1/me", token: token).status == .unauthorized)
        }
    }
}
