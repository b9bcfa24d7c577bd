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

/// Every kind of frame on `GET /api/v1/events` carries data that matches the schema `assets/openapi.json`
/// documents for it (`x-sse-events`): ticket, snapshot, counter, alert, rating.
@Suite("Live stream payloads against the OpenAPI document")
struct EventSchemaTests {
    static func eventSchemas() throws -> (SchemaCheck, [String: [String: Any]]) {
        let document = try OpenAPITests.document()
        let paths = try #require(document["paths"] as? [String: Any])
        let events = try #require((paths["/api/v1/events"] as? [String: Any])?["get"] as? [String: Any])
        let content = try #require(
            (((events["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any])?["text/event-stream"]
                as? [String: Any])
        let schemas = try #require(content["x-sse-events"] as? [String: [String: Any]], "x-sse-events is not documented")
        return (SchemaCheck(document: document), schemas)
    }

    @Test func everyFrameMatchesItsDocumentedSchema() async throws {
        #expect(Set(try Self.eventSchemas().1.keys) == ["ticket", "snapshot", "counter", "alert", "rating", "shutdown"])
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .elderly, source: nil, at: hall.clock.now())
        let kiosk = hall.app()
        let broadcaster = kiosk.broadcaster
        let events = kiosk.events
        try await withAPI(hall, kiosk: kiosk) { client in
            let token = try await client.login("quay1")
            async let stream = client.execute(uri: "/api/v1/events?since=0", method: .get, headers: [:])
            async let snapshot = client.execute(uri: "/api/v1/events?since=999", method: .get, headers: [:])
            try await EventReplayTests.waitForSubscribers(broadcaster, 2)
            _ = try await client.json("/api/v1/counters/1/next", .post, token: token)
            _ = try await client.json("/api/v1/counters/1/pause", .post, token: token, body: #"{"paused":true}"#)
            events.publish(
                .alert(
                    HallAlert(
                        id: "predicted-wait:dat-dai", kind: .predictedWait, field: "dat-dai", counter: 1, message: "Chờ lâu",
                        messageEn: "Long wait", at: hall.clock.now())))
            events.publish(
                .alert(
                    HallAlert(
                        id: "device:virtual", kind: .device, message: "Hết giấy", messageEn: "Out of paper", at: hall.clock.now())))
            events.publish(.rating(RatingThanks(counter: 1, level: 2, ticket: "A001")))
            events.publish(.rating(RatingThanks(counter: 2, level: 4, ticket: nil)))
            try await Task.sleep(for: .milliseconds(200))
            broadcaster.closeAll()
            let (check, schemas) = try Self.eventSchemas()
            let frames = EventReplayTests.frames(String(buffer: try await stream.body) + "\n\n" + String(buffer: try await snapshot.body))
            #expect(Set(frames.compactMap(\.event)) == ["ticket", "snapshot", "counter", "alert", "rating", "shutdown"])
            for frame in frames {
                let name = try #require(frame.event)
                let schema = try #require(schemas[name], "no schema for event: \(name)")
                let data = try JSONSerialization.jsonObject(with: Data(frame.data.utf8))
                let problems = check.problems(data, against: schema, at: name)
                #expect(problems.isEmpty, "\(name): \(problems)")
            }
        }
    }

    /// The checker itself notices what the test relies on it to notice.
    @Test func checkerFindsMissingUndocumentedAndMistypedProperties() throws {
        let (check, schemas) = try Self.eventSchemas()
        let alert = try #require(schemas["alert"])
        let printerShaped: [String: Any] = [
            "printer": "p1", "number": "A001", "message": "x", "messageEn": "x", "at": "2026-03-02T08:00:00+07:00",
        ]
        let problems = check.problems(printerShaped, against: alert)
        #expect(problems.contains { $0.contains("missing required 'kind'") })
        #expect(problems.contains { $0.contains("undocumented property 'printer'") })
        #expect(!check.problems(["counter": "one", "level": 2], against: try #require(schemas["rating"])).isEmpty)
    }
}
