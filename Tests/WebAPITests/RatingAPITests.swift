import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Ratings")
struct RatingAPITests {
    /// Serves one land ticket at counter 1 and returns its id.
    static func serveOne(_ hall: TestHall) async throws -> Int64 {
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let called = try #require(try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        _ = try await hall.database.apply(.serve, ticket: called.ticket.id, by: hall.staff(1), at: hall.clock.now())
        return called.ticket.id
    }

    @Test func aRatingAttachesToTheTicketBeingServed() async throws {
        let hall = try await TestHall()
        let id = try await Self.serveOne(hall)
        try await withAPI(hall) { client in
            let rated = try await client.json("/api/v1/ratings", .post, body: #"{"counter":1,"level":1}"#)
            #expect(rated.status == .created)
            let rating = try #require(try rated.object()["rating"] as? [String: Any])
            #expect(rating["ticket"] as? String == "A001")
            #expect(rating["ticketId"] as? Int == Int(id))
            #expect(rating["field"] as? String == "dat-dai")
            #expect(rating["staff"] as? String == "quay1")
            #expect(rating["source"] as? String == "web")
        }
        let kinds = try await hall.database.events(after: 0).map(\.kind)
        #expect(kinds == [.issued, .called, .serving, .rated])
    }

    @Test func withinTheWindowAfterDoneItStillAttachesThenNotAfter() async throws {
        let hall = try await TestHall()
        let id = try await Self.serveOne(hall)
        _ = try await hall.database.apply(.done(.returned), ticket: id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 2)
        let late = try await hall.database.recordRating(level: 2, counter: 1, source: .keypad, device: "kp1", at: hall.clock.now())
        #expect(late.rating.ticket == "A001")
        hall.clock.advance(minutes: 4)
        let orphan = try await hall.database.recordRating(level: 4, counter: 1, source: .keypad, at: hall.clock.now())
        #expect(orphan.rating.ticket == nil)
        #expect(orphan.rating.level == 4)
        #expect(orphan.event == nil)
    }

    @Test func repeatedPressesCountOnceAndASecondRatingOfTheSameTicketStaysUnattached() async throws {
        let hall = try await TestHall()
        _ = try await Self.serveOne(hall)
        let first = try await hall.database.recordRating(level: 1, counter: 1, source: .keypad, at: hall.clock.now())
        let bounce = try await hall.database.recordRating(
            level: 1, counter: 1, source: .keypad, at: hall.clock.now().addingTimeInterval(1))
        #expect(bounce.repeated)
        #expect(bounce.rating.id == first.rating.id)
        let later = try await hall.database.recordRating(
            level: 3, counter: 1, source: .keypad, at: hall.clock.now().addingTimeInterval(10))
        #expect(!later.repeated)
        #expect(later.rating.ticket == nil)
        let stored = try await hall.database.ratings(from: "2026-03-02", to: "2026-03-02")
        #expect(stored.map(\.level) == [1, 3])
    }

    @Test func badRatingsAreRefusedWithReasons() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let level = try await client.json("/api/v1/ratings", .post, body: #"{"counter":1,"level":7}"#)
            #expect(level.status == .unprocessableContent)
            #expect(try level.errorMessage() == "Mức đánh giá phải từ 1 (rất hài lòng) đến 4 (không hài lòng), nhận được 7.")
            let counter = try await client.json("/api/v1/ratings", .post, body: #"{"counter":42,"level":1}"#)
            #expect(try counter.errorCode() == "unknown_counter")
            let malformed = try await client.json("/api/v1/ratings", .post, body: #"{"counter":"one"}"#)
            #expect(malformed.status == .unprocessableContent)
        }
        #expect(try await hall.database.ratings(from: "2026-01-01", to: "2026-12-31").isEmpty)
    }

    @Test func staffListRatingsFilteredByCounterAndField() async throws {
        let hall = try await TestHall()
        _ = try await Self.serveOne(hall)
        _ = try await hall.database.recordRating(level: 2, counter: 1, source: .keypad, at: hall.clock.now())
        _ = try await hall.database.recordRating(level: 3, counter: 2, source: .web, at: hall.clock.now())
        try await withAPI(hall) { client in
            #expect(try await client.json("/api/v1/ratings").status == .unauthorized)
            let token = try await client.login("quay1")
            let all = try #require(
                try await client.json("/api/v1/ratings?from=2026-03-02", token: token).object()["ratings"] as? [[String: Any]])
            #expect(all.map { $0["level"] as? Int } == [2, 3])
            let counter2 = try #require(
                try await client.json("/api/v1/ratings?counter=2", token: token).object()["ratings"] as? [[String: Any]])
            #expect(counter2.map { $0["level"] as? Int } == [3])
            let land = try #require(
                try await client.json("/api/v1/ratings?field=dat-dai", token: token).object()["ratings"] as? [[String: Any]])
            #expect(land.map { $0["ticket"] as? String } == ["A001"])
            let badDay = try await client.json("/api/v1/ratings?from=hôm-qua", token: token)
            #expect(badDay.status == .unprocessableContent)
        }
    }
}
