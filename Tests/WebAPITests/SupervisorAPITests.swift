import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Supervisor overview and alerts")
struct SupervisorAPITests {
    /// Mon 02/03 08:00: A001–A003 issued; A001 called at 08:06, served, done 08:10 and rated 1; A002 called
    /// at 08:10 by counter 2. At 08:30 A003 has waited 30 min (target 15), counter 1 idle 20 min.
    static func morning(_ hall: TestHall) async throws {
        let db = hall.database
        for _ in 0..<3 { _ = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()) }
        hall.clock.advance(minutes: 6)
        let first = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        _ = try await db.apply(.serve, ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 4)
        _ = try await db.apply(.done(.returned), ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        _ = try await db.recordRating(level: 1, counter: 1, source: .keypad, at: hall.clock.now())
        _ = try await db.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
        hall.clock.advance(minutes: 20)
    }

    @Test func theOverviewCarriesExactFiguresAndTrafficLights() async throws {
        let hall = try await TestHall()
        try await Self.morning(hall)
        try await withAPI(hall) { client in
            #expect(try await client.json("/api/v1/supervisor/overview", token: try await client.login("quay1")).status == .forbidden)
            let overview = try await client.json("/api/v1/supervisor/overview", token: try await client.login("giamsat")).object()
            let fields = try #require(overview["fields"] as? [[String: Any]])
            let land = try #require(fields.first)
            #expect(land["waiting"] as? Int == 1)
            #expect(land["longestWaitMinutes"] as? Int == 30)
            #expect(land["issuedToday"] as? Int == 3)
            #expect(land["servedToday"] as? Int == 1)
            #expect(land["meanWaitMinutes"] as? Double == 8)  // (6 + 10) / 2
            #expect(land["status"] as? String == "red")
            #expect(fields.last?["status"] as? String == "green")
            let today = try #require(overview["today"] as? [String: Any])
            #expect(today["issued"] as? Int == 3)
            #expect(today["withinTargetShare"] as? Double == 1)
            #expect(today["satisfactionShare"] as? Double == 1)
            #expect(today["ratings"] as? Int == 1)
            let counters = try #require(overview["counters"] as? [[String: Any]])
            #expect(counters.first?["idleMinutes"] as? Int == 20)
            #expect(counters.first?["staff"] as? String == "quay1")
            #expect((counters.last?["current"] as? [String: Any])?["label"] as? String == "A002")
            let hourly = try #require(overview["hourly"] as? [[String: Any]])
            #expect(hourly.map { $0["hour"] as? Int } == [8])
        }
    }

    @Test func alertsAreRaisedOnceAndPublishedLive() async throws {
        let hall = try await TestHall()
        try await Self.morning(hall)
        let kiosk = hall.app()
        let fresh = try await kiosk.alerts.evaluate()
        #expect(Set(fresh.map(\.id)) == ["ticket-over-target:dat-dai", "idle-counter:1"])
        #expect(fresh.first { $0.kind == .ticketOverTarget }?.message == "Đất đai: có người đã chờ 30 phút (mục tiêu 15 phút).")
        #expect(try await kiosk.alerts.evaluate().isEmpty)
        #expect(kiosk.alerts.current.count == 2)
        _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        #expect(try await kiosk.alerts.evaluate().isEmpty)
        #expect(kiosk.alerts.current.isEmpty)
    }

    @Test func aPredictedWaitOverTargetAlertsBeforeAnyoneHasWaitedLong() async throws {
        let hall = try await TestHall()
        for _ in 0..<6 { _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now()) }
        let alerts = try await hall.app().alerts.evaluate()
        // Six people, one counter for civil status, 6 min default service → 36 min predicted against 15.
        #expect(alerts.map(\.id) == ["predicted-wait:ho-tich"])
    }

    @Test func fridayTargetsAreTighter() {
        let targets = ServiceTargets()
        let field = Field(code: "x", name: "X", nameEn: "X", prefix: "X", waitTargetMinutes: 15)
        #expect(targets.waitTarget(for: field, at: ManualClock.vietnamDate("2026-03-06 09:00")) == 10)
        #expect(targets.waitTarget(for: field, at: ManualClock.vietnamDate("2026-03-05 09:00")) == 15)
    }
}
