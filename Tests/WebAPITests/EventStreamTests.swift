import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Live event stream")
struct EventStreamTests {
    /// A display reconnecting with Last-Event-ID gets what it missed, then live events, in order, once each.
    @Test func resumesFromLastEventIDThenFollowsLive() async throws {
        let hall = try await TestHall()
        let kiosk = hall.app()
        for field in ["dat-dai", "ho-tich", "dat-dai"] {
            _ = try await hall.database.issueTicket(field: field, priority: .none, source: nil, at: hall.clock.now())
        }
        let broadcaster = kiosk.broadcaster
        let closer = Task {
            while broadcaster.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            _ = try await hall.database.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
            try await Task.sleep(for: .milliseconds(200))
            broadcaster.closeAll()
        }
        try await withAPI(hall, kiosk: kiosk) { client in
            let response = try await client.execute(
                uri: "/api/v1/events", method: .get, headers: [HTTPField.Name("Last-Event-ID")!: "1"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            let text = String(buffer: response.body)
            let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
            #expect(ids == ["2", "3", "4"])
            let frames = EventReplayTests.frames(text)
            #expect(frames.last?.event == "shutdown")
            let ticketFrame = try #require(frames.last { $0.event == "ticket" })
            let last = try JSONSerialization.jsonObject(with: Data(ticketFrame.data.utf8)) as? [String: Any]
            #expect(last?["kind"] as? String == "called")
            #expect(last?["counter"] as? Int == 2)
            #expect((last?["ticket"] as? [String: Any])?["number"] as? String == "A001")
            #expect((last?["waiting"] as? [String: Int]) == ["dat-dai": 1, "ho-tich": 1])
            #expect(!text.contains("quay2"))
        }
        try await closer.value
    }

    @Test func hallStateCarriesTheResumePoint() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        try await withAPI(hall) { client in
            let state = try await client.json("/api/v1/hall").object()
            #expect(state["lastEventId"] as? Int == 2)
            #expect(state["centreName"] as? String == "Trung tâm thử nghiệm")
            let calls = try #require(state["recentCalls"] as? [[String: Any]])
            #expect(calls.first?["number"] as? String == "A001")
            #expect(calls.first?["counter"] as? Int == 1)
            let counters = try #require(state["counters"] as? [[String: Any]])
            #expect((counters.first?["current"] as? [String: Any])?["number"] as? String == "A001")
        }
    }
}

@Suite("Live notices")
struct LiveNoticeTests {
    /// Pausing a counter reaches open displays at once as a live-only `counter` notice.
    @Test func pausingACounterIsAnnounced() async throws {
        let hall = try await TestHall()
        let kiosk = hall.app()
        let broadcaster = kiosk.broadcaster
        try await withAPI(hall, kiosk: kiosk) { client in
            let token = try await client.login("quay1")
            async let stream = client.execute(uri: "/api/v1/events", method: .get, headers: [:])
            while broadcaster.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            let paused = try await client.json("/api/v1/counters/1/pause", .post, token: token, body: #"{"paused":true}"#)
            #expect(paused.status == .ok)
            try await Task.sleep(for: .milliseconds(100))
            broadcaster.closeAll()
            let text = String(buffer: try await stream.body)
            #expect(text.contains("event: counter\ndata: {"))
            #expect(text.contains(#""number":1"#))
            #expect(text.contains(#""paused":true"#))
            #expect(!text.contains("id: "))
        }
    }
}
