import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Supervisor's live actions")
struct SupervisorActionTests {
    @Test func aSupervisorMovesAnOfficerAndClosesACounter() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let supervisor = try await client.login("giamsat")
            let officer = try await client.login("quay1")
            // quay1 moves to counter 2; their next call is there, with their same session.
            let moved = try await client.json("/api/v1/counters/2/officer", .post, token: supervisor, body: #"{"username":"quay1"}"#)
            #expect(try moved.object()["counter"] as? Int == 2)
            let overview = try await client.json("/api/v1/supervisor/overview", token: supervisor).object()
            let counters = try #require(overview["counters"] as? [[String: Any]])
            let two = try #require(counters.first { $0["number"] as? Int == 2 })
            #expect((two["assigned"] as? [[String: Any]])?.compactMap { $0["username"] as? String } == ["quay1", "quay2"])
            let called = try await client.json("/api/v1/counters/2/next", .post, token: officer)
            #expect(try called.object()["number"] as? String == "B001")
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: officer).status == .forbidden)
            // Busy at counter 2: a move now is refused.
            let busy = try await client.json("/api/v1/counters/1/officer", .post, token: supervisor, body: #"{"username":"quay1"}"#)
            #expect(try busy.errorCode() == "counter_busy")
            // Closing a counter is the supervisor's too; staff cannot move anyone.
            let closed = try await client.json("/api/v1/counters/1/pause", .post, token: supervisor, body: #"{"paused":true}"#)
            #expect(try closed.object()["paused"] as? Bool == true)
            #expect(
                try await client.json("/api/v1/counters/1/officer", .post, token: officer, body: #"{"username":"quay2"}"#).status
                    == .forbidden)
            let notStaff = try await client.json("/api/v1/counters/1/officer", .post, token: supervisor, body: #"{"username":"admin"}"#)
            #expect(try notStaff.errorCode() == "invalid_input")
        }
        let audit = try await hall.database.auditEntries(limit: 20)
        #expect(audit.contains { $0.action == .userUpdated && $0.target == "quay1" && $0.actor == "giamsat" })
    }
}
