import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Calendar editing")
struct CalendarAdminTests {
    static let year2031 =
        #"{"year":2031,"holidays":[{"date":"2031-01-01","name":"Tết Dương lịch"}],"swappedWorkingDays":[],"source":"thử"}"#

    @Test func anAddedHolidayMovesPromisesAtOnceAndIsStored() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let promise = "/api/v1/calendar/promise?procedure=1.004227&at=2026-03-03T09:00:00%2B07:00"
            #expect(try await client.json(promise).object()["promisedAt"] as? String == "2026-03-17T17:30:00+07:00")
            var year = try await client.json("/api/v1/admin/calendar/2026", token: admin).object()
            var holidays = try #require(year["holidays"] as? [[String: Any]])
            holidays.append(["date": "2026-03-10", "name": "Nghỉ đột xuất (thử)"])
            year["holidays"] = holidays
            let body = String(decoding: try JSONSerialization.data(withJSONObject: year), as: UTF8.self)
            let saved = try await client.json("/api/v1/admin/calendar/2026", .put, token: admin, body: body)
            #expect(saved.status == .ok)
            #expect(try await client.json(promise).object()["promisedAt"] as? String == "2026-03-18T17:30:00+07:00")
            let list = try #require(try await client.json("/api/v1/admin/calendar", token: admin).object()["years"] as? [[String: Any]])
            #expect(list.map { $0["year"] as? Int } == [2026, 2027])
            #expect(list.map { $0["edited"] as? Bool } == [true, false])
        }
        let stored = try await hall.database.editedCalendarYears()
        #expect(stored.map(\.year) == [2026])
        #expect(stored.first?.holidays.contains { $0.date == "2026-03-10" } == true)
        // After a restart the edit wins over the shipped file.
        let reloaded = try CalendarFiles.load(
            directory: TestHall.repositoryAssets.appendingPathComponent("calendar"), sessions: CatalogBuilder.small().sessions,
            overrides: stored)
        #expect(reloaded.holidayName(try #require(DayKey(iso: "2026-03-10"))) == "Nghỉ đột xuất (thử)")
    }

    @Test func aNewYearCanBeAddedAndBadOnesAreRefused() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/admin/calendar/2031", .put, token: staff, body: Self.year2031).status == .forbidden)
            let mismatch = try await client.json("/api/v1/admin/calendar/2030", .put, token: admin, body: Self.year2031)
            #expect(try mismatch.errorMessage() == "Nội dung là lịch năm 2031 nhưng địa chỉ là năm 2030.")
            let badDate = Self.year2031.replacingOccurrences(of: "2031-01-01", with: "2031-02-30")
            let refused = try await client.json("/api/v1/admin/calendar/2031", .put, token: admin, body: badDate)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.errorMessage()?.contains("2031-02-30") == true)
            #expect(
                try await client.json("/api/v1/calendar/next-working-day?at=2030-12-31T10:00:00%2B07:00").status == .unprocessableContent)
            #expect(try await client.json("/api/v1/admin/calendar/2031", .put, token: admin, body: Self.year2031).status == .ok)
            let next = try await client.json("/api/v1/calendar/next-working-day?at=2031-01-01T10:00:00%2B07:00").object()
            #expect(next["day"] as? String == "2031-01-02")
        }
        #expect(try await hall.database.editedCalendarYears().map(\.year) == [2031])
    }
}
