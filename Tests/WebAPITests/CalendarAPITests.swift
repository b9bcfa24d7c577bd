import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Calendar API")
struct CalendarAPITests {
    static let promise = "/api/v1/calendar/promise?procedure=1.001193&at="

    /// Đăng ký khai sinh is on the no-wait Friday list: before 15:30 it is ready the same day — by 17:30
    /// while the ninth hour runs (23/02–23/03/2026) — and after the cutoff by 09:00 of the next working day.
    @Test(arguments: [
        ("2026-03-06T10:00:00+07:00", "2026-03-06T17:30:00+07:00", "no-wait-friday"),
        ("2026-03-06T15:29:00+07:00", "2026-03-06T17:30:00+07:00", "no-wait-friday"),
        ("2026-03-06T15:45:00+07:00", "2026-03-09T09:00:00+07:00", "no-wait-friday-after-cutoff"),
        ("2026-03-04T09:00:00+07:00", "2026-03-04T17:30:00+07:00", "same-day"),
        ("2026-04-08T09:00:00+07:00", "2026-04-08T17:00:00+07:00", "same-day"),
    ])
    func noWaitPromises(at: String, promised: String, rule: String) async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let answer = try await client.json(Self.promise + at.replacingOccurrences(of: "+", with: "%2B")).object()
            #expect(answer["promisedAt"] as? String == promised)
            #expect(answer["rule"] as? String == rule)
        }
    }

    @Test func nextWorkingDaySkipsTheHungKingsHoliday() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let answer = try await client.json("/api/v1/calendar/next-working-day?at=2026-04-24T10:00:00%2B07:00").object()
            #expect(answer["day"] as? String == "2026-04-28")
            #expect(answer["closesAt"] as? String == "2026-04-28T17:00:00+07:00")
        }
    }

    @Test func badQuestionsGetSpecificErrors() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let unknown = try await client.json("/api/v1/calendar/promise?procedure=9.999999")
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.errorCode() == "unknown_procedure")
            let badDate = try await client.json("/api/v1/calendar/promise?procedure=1.001193&at=hôm-nay")
            #expect(badDate.status == .unprocessableContent)
            #expect(try badDate.errorCode() == "invalid_input")
            let outOfRange = try await client.json("/api/v1/calendar/next-working-day?at=2031-01-01T09:00:00%2B07:00")
            #expect(outOfRange.status == .unprocessableContent)
            #expect(try outOfRange.errorMessage()?.contains("2031") == true)
        }
    }
}
