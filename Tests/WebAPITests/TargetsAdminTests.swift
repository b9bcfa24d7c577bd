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

@Suite("Targets edited on the admin page")
struct TargetsAdminTests {
    @Test func theAdminChangesTheTargetsAndReportsUseThemAtOnce() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let shipped = try await client.json("/api/v1/admin/targets", token: admin).object()
            #expect(shipped["promisesOnTime"] as? Double == 0.98)
            let saved = try await client.json(
                "/api/v1/admin/targets", .put, token: admin,
                body:
                    #"{"waitMinutesOnNoWaitFriday":8,"satisfaction":{"overall":0.9,"fields":{"dat-dai":0.8}},"promisesOnTime":0.97,"idleCounterMinutes":7,"promiseRiskMinutes":45}"#
            )
            #expect(saved.status == .ok)
            let supervisor = try await client.login("giamsat")
            let report = try await client.json("/api/v1/reports?period=day:2026-03-04", token: supervisor).object()
            let targets = try #require(report["targets"] as? [String: Any])
            #expect(targets["promisesOnTime"] as? Double == 0.97)
            #expect(targets["satisfaction"] as? Double == 0.9)
            #expect((targets["satisfactionByField"] as? [String: Double])?["dat-dai"] == 0.8)

            let refused = try await client.json(
                "/api/v1/admin/targets", .put, token: admin,
                body: #"{"satisfaction":{"overall":1.5,"fields":{}},"promisesOnTime":0.97,"idleCounterMinutes":7,"promiseRiskMinutes":45}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.errorMessage()?.contains("từ 0 đến 1") == true)
            #expect(try await client.json("/api/v1/admin/targets", token: admin).object()["promisesOnTime"] as? Double == 0.97)
            let staff = try await client.json("/api/v1/admin/targets", token: try await client.login("quay1"))
            #expect(staff.status == .forbidden)
        }
        // Kept over the shipped file at the next start, and audited.
        let restarted = try await TargetsBook.load(
            file: TestHall.repositoryAssets.appendingPathComponent("targets.json"), database: hall.database)
        #expect(restarted.current.promisesOnTime == 0.97)
        #expect(restarted.current.waitMinutesOnNoWaitFriday == 8)
        #expect(try await hall.database.auditEntries(limit: 5).contains { $0.action.rawValue == "setting.targets" })
    }
}
