import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Office hours from the admin page")
struct HoursAdminTests {
    /// Monday to Friday 07:30–11:30 and 13:00–17:00, numbers until 16:30 on Mondays, Saturday mornings open.
    static let hours = """
        {"days":[
          {"weekday":1,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}],"lastTicket":"16:30"},
          {"weekday":2,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]},
          {"weekday":3,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]},
          {"weekday":4,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]},
          {"weekday":5,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]},
          {"weekday":6,"sessions":[{"start":"07:30","end":"11:30"}]},
          {"weekday":7,"sessions":[]}],
         "extraWindows":[],"noWaitFriday":{"enabled":true,"cutoffMinute":930,"nextDayMinute":540}}
        """

    @Test func theAdminsHoursDecideWhenTheKioskGivesNumbers() async throws {
        let hall = try await TestHall(start: "2026-12-07 16:20")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            // Before any edit: the winter season's hours of the shipped settings, Monday to Friday.
            let shipped = try await client.json("/api/v1/admin/hours", token: admin).object()
            let days = try #require(shipped["days"] as? [[String: Any]])
            #expect(days.count == 7)
            #expect((days[0]["sessions"] as? [[String: String]])?.first == ["start": "08:00", "end": "12:00"])
            #expect((days[5]["sessions"] as? [[String: String]])?.isEmpty == true)

            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/admin/hours", .put, token: staff, body: Self.hours).status == .forbidden)
            let closedMonday = Self.hours.replacingOccurrences(
                of: #"{"weekday":1,"sessions":[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}],"lastTicket":"16:30"}"#,
                with: #"{"weekday":1,"sessions":[]}"#)
            let refused = try await client.json("/api/v1/admin/hours", .put, token: admin, body: closedMonday)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.errorMessage() == "Thứ Hai là ngày làm việc: cần ít nhất một buổi.")
            let badCutoff = Self.hours.replacingOccurrences(of: #""lastTicket":"16:30""#, with: #""lastTicket":"18:00""#)
            #expect(
                try await client.json("/api/v1/admin/hours", .put, token: admin, body: badCutoff).errorMessage()
                    == "Giờ ngừng cấp số của Thứ Hai (“18:00”) phải nằm trong giờ làm việc.")

            let saved = try await client.json("/api/v1/admin/hours", .put, token: admin, body: Self.hours)
            #expect(saved.status == .ok)
            let audit = try #require(try await hall.database.auditEntries(limit: 3).first)
            #expect(audit.action.rawValue == "setting.hours")

            // Monday 16:20 gives a number; 16:40 does not (cutoff 16:30), and says Tuesday 07:30.
            #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created)
            hall.clock.set(ManualClock.vietnamDate("2026-12-07 16:40"))
            let late = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(late.status == .conflict)
            #expect((try late.object()["error"] as? [String: Any])?["nextOpening"] as? String == "2026-12-08T07:30:00+07:00")
            // Tuesday has no cutoff: 16:40 still gives numbers.
            hall.clock.set(ManualClock.vietnamDate("2026-12-08 16:40"))
            #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created)

            // Saturday morning is open; at noon the kiosk sends citizens to Monday, Sunday being closed.
            hall.clock.set(ManualClock.vietnamDate("2026-12-12 09:00"))
            #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#).status == .created)
            hall.clock.set(ManualClock.vietnamDate("2026-12-12 12:00"))
            let issuing = try #require(try await client.json("/api/v1/hall").object()["issuing"] as? [String: Any])
            #expect(issuing["open"] as? Bool == false)
            #expect(issuing["nextOpening"] as? String == "2026-12-14T07:30:00+07:00")
            #expect(issuing["message"] as? String == "Mời quay lại lúc 07:30 Thứ Hai 14/12/2026.")
        }
        // A restart keeps the admin's hours.
        let stored = try #require(try await hall.database.hallSetting(.hours, as: HallHoursSettings.self))
        let reloaded = try CalendarFiles.load(
            directory: TestHall.repositoryAssets.appendingPathComponent("calendar"), sessions: CatalogBuilder.small().sessions,
            hours: stored)
        #expect(try reloaded.issuesTickets(at: ManualClock.vietnamDate("2026-12-12 10:00")))
        #expect(try !reloaded.issuesTickets(at: ManualClock.vietnamDate("2026-12-07 16:31")))
    }
}
