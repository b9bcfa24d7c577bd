import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("A no-show back in the queue")
struct RequeueTests {
    @Test func aReturningNoShowGoesBackAtTheChosenPlaceAndKeepsItsIssueTime() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        for _ in 0..<4 {
            _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
            hall.clock.advance(minutes: 1)
        }
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let first = try await client.json("/api/v1/counters/1/next", .post, token: token).object()
            let id = try #require(first["id"] as? Int)
            _ = try await client.json("/api/v1/tickets/\(id)/no-show", .post, token: token)
            let missed = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await client.json("/api/v1/counters/1/no-shows", token: token).body.readableBytesView))
                    as? [[String: Any]])
            #expect(missed.map { $0["number"] as? String } == ["A001"])
            // Back as second in line: A002, A001, A003, A004.
            let back = try await client.json("/api/v1/tickets/\(id)/requeue", .post, token: token, body: #"{"position":2}"#)
            #expect(back.status == .ok)
            #expect(try back.object()["state"] as? String == "waiting")
            let queue = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await client.json("/api/v1/counters/1/queue", token: token).body.readableBytesView)) as? [[String: Any]])
            #expect(queue.map { $0["number"] as? String } == ["A002", "A001", "A003", "A004"])
            let again = try await client.json("/api/v1/tickets/\(id)/requeue", .post, token: token, body: #"{"position":1}"#)
            #expect(again.status == .conflict)
            let other = try await client.login("quay2")
            _ = try await client.json("/api/v1/counters/1/next", .post, token: token)  // A002
            let called = try await client.json("/api/v1/counters/1/next", .post, token: other)
            #expect(called.status == .forbidden)
        }
        hall.clock.advance(minutes: 5)
        let next = try #require(try await hall.database.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now()))
        #expect(next.ticket.number == "A001")
        #expect(next.ticket.issuedAt == ManualClock.vietnamDate("2026-03-04 09:00"))
        #expect(try await hall.database.events(after: 0).map(\.kind).contains(.requeued))
    }

    @Test func placesBeforeTheFirstBetweenNeighboursAndPastTheEnd() {
        #expect(AppDatabase.queueKey(at: 1, among: [100, 200], now: 500) == 99)
        #expect(AppDatabase.queueKey(at: 2, among: [100, 200], now: 500) == 150)
        #expect(AppDatabase.queueKey(at: 3, among: [100, 200], now: 500) == 500)
        #expect(AppDatabase.queueKey(at: 9, among: [], now: 500) == 500)
    }
}
