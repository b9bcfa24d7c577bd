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

@Suite("Why a citizen was not satisfied")
struct RatingReasonTests {
    @Test func aNotSatisfiedRatingTakesOneReasonAndTheReportCountsThem() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let unhappy = try await client.json("/api/v1/ratings", .post, body: #"{"counter":1,"level":4}"#)
            let id = try #require((try unhappy.object()["rating"] as? [String: Any])?["id"] as? Int)
            let stored = try await client.json("/api/v1/ratings/\(id)/reason", .post, body: #"{"reason":"attitude"}"#)
            #expect(stored.status == .ok)
            #expect(try stored.object()["reason"] as? String == "attitude")
            let again = try await client.json("/api/v1/ratings/\(id)/reason", .post, body: #"{"reason":"waiting"}"#)
            #expect(again.status == .conflict)
            #expect(try again.errorCode() == "rating_reason")

            // The counter's keypad rates "not satisfied": the same question on the tablet, for that rating.
            hall.clock.advance(minutes: 1)
            let keypad = try await hall.database.recordRating(level: 4, counter: 2, source: .keypad, at: hall.clock.now())
            hall.clock.advance(minutes: 11)
            let late = try await client.json("/api/v1/ratings/\(keypad.rating.id)/reason", .post, body: #"{"reason":"papers"}"#)
            #expect(late.status == .conflict)
            let satisfied = try await client.json("/api/v1/ratings", .post, body: #"{"counter":2,"level":2}"#)
            let happy = try #require((try satisfied.object()["rating"] as? [String: Any])?["id"] as? Int)
            #expect(try await client.json("/api/v1/ratings/\(happy)/reason", .post, body: #"{"reason":"other"}"#).status == .conflict)
            let unknownReason = try await client.json("/api/v1/ratings/\(id)/reason", .post, body: #"{"reason":"rude"}"#)
            #expect(unknownReason.status == .unprocessableContent)
            #expect(try await client.json("/api/v1/ratings/999/reason", .post, body: #"{"reason":"other"}"#).status == .notFound)

            let supervisor = try await client.login("giamsat")
            let report = try await client.json("/api/v1/reports?from=2026-03-02&to=2026-03-02", token: supervisor).object()
            let voice = try #require(report["citizenVoice"] as? [String: Any])
            #expect(voice["dissatisfactionReasons"] as? [String: Int] == ["attitude": 1, "none": 1])
            let csv = String(
                buffer: try await client.json("/api/v1/reports?from=2026-03-02&to=2026-03-02&format=csv", token: supervisor).body)
            #expect(csv.contains("Thái độ phục vụ (attitude),1"))
        }
    }
}
