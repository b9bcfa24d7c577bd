import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import Testing
import WebAPI

@Suite("The supervisor sees how replication to the province stands")
struct ReplicationStatusTests {
    @Test func backlogAndLagForSupervisorsAndA404OutsideProvinceMode() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        var settings = hall.settings
        let caughtUp = ManualClock.vietnamDate("2026-03-02 07:59")
        settings.replication = {
            ReplicationReport(
                centre: "XA-BAC", backlog: 42, lagSeconds: 61.5, failures: 3, lastError: "connection refused", caughtUpAt: caughtUp)
        }
        try await withAPI(hall, kiosk: KioskApp(database: hall.database, settings: settings, clock: hall.clock)) { client in
            let supervisor = try await client.login("giamsat")
            let report = try await client.json("/api/v1/supervisor/replication", token: supervisor).object()
            #expect(report["centre"] as? String == "XA-BAC" && report["backlog"] as? Int == 42 && report["failures"] as? Int == 3)
            #expect(report["caughtUpAt"] as? String == "2026-03-02T07:59:00+07:00")
            #expect(try await client.json("/api/v1/supervisor/replication", token: try await client.login("quay1")).status == .forbidden)
        }
        try await withAPI(hall) { client in
            let missing = try await client.json("/api/v1/supervisor/replication", token: try await client.login("giamsat"))
            #expect(missing.status == .notFound)
            #expect(try missing.errorMessage() == "Trung tâm này không đồng bộ lên tỉnh (chạy với --province và --centre để bật).")
        }
    }
}
