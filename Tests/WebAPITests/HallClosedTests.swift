import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("The kiosk after closing time")
struct HallClosedTests {
    /// 20:18 on a Monday: 409 `hall_closed` with when to come back, in words and as `nextOpening`; nothing is stored,
    /// and the next morning the kiosk issues again from A001.
    @Test func afterClosingNoNumberIsGivenAndTheKioskSaysWhenToComeBack() async throws {
        let hall = try await TestHall(start: "2026-03-02 20:18")
        try await withAPI(hall) { client in
            let refused = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(refused.status == .conflict)
            let error = try #require(try refused.object()["error"] as? [String: String])
            #expect(error["code"] == "hall_closed")
            #expect(error["nextOpening"] == "2026-03-03T08:00:00+07:00")
            // 3 March lies in the ninth-hour plan (23/02–23/03): the citizen learns of it too.
            let message = "Mời quay lại lúc 08:00 Thứ Ba 03/03/2026. Ngày đó có giờ thứ 9: 16:30–17:30."
            #expect(error["message"] == "Đã hết giờ lấy số. " + message)
            #expect(
                error["messageEn"]
                    == "Ticket issuing has closed for today. Please come back at 08:00 on Tuesday 2026-03-03. That day also has the ninth hour: 16:30–17:30."
            )
            #expect(try await hall.database.lastEventID() == 0)
            // The kiosk learns it before anyone touches it: /hall says when, under the kiosk's own heading.
            let closed = try #require(try await client.json("/api/v1/hall").object()["issuing"] as? [String: Any])
            #expect(closed["open"] as? Bool == false)
            #expect(closed["message"] as? String == message)
            #expect(closed["nextOpening"] as? String == "2026-03-03T08:00:00+07:00")

            hall.clock.set(ManualClock.vietnamDate("2026-03-03 07:05"))
            let morning = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(morning.status == .created)
            #expect(try morning.object()["number"] as? String == "A001")
            let open = try #require(try await client.json("/api/v1/hall").object()["issuing"] as? [String: Any])
            #expect(open["open"] as? Bool == true)
            #expect(open["message"] == nil)
        }
    }

    @Test func onADayOffTheNextWorkingMorningIsGiven() async throws {
        let hall = try await TestHall(start: "2026-03-07 09:00")
        try await withAPI(hall) { client in
            let refused = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(refused.status == .conflict)
            let error = try #require(try refused.object()["error"] as? [String: String])
            #expect(error["nextOpening"] == "2026-03-09T08:00:00+07:00")
            #expect(error["message"]?.contains("Thứ Hai 09/03/2026") == true)
            #expect(error["message"]?.contains("giờ thứ 9: 16:30–17:30") == true)
        }
    }
}
