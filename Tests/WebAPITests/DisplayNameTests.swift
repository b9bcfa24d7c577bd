import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Officers' display names")
struct DisplayNameTests {
    @Test func anAdminNamesAnOfficerAndReportsAndLettersUseTheName() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        let ticket = try await DossierAPITests.atCounter(hall, field: "dat-dai", counter: 1)
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let named = try await client.json(
                "/api/v1/admin/users/quay1", .put, token: admin, body: #"{"role":"staff","counter":1,"displayName":"  Nguyễn Thị Lan "}"#)
            #expect(try named.object()["displayName"] as? String == "Nguyễn Thị Lan")
            // Absent keeps it; a new account can carry one from the start.
            let kept = try await client.json("/api/v1/admin/users/quay1", .put, token: admin, body: #"{"role":"staff","counter":1}"#)
            #expect(try kept.object()["displayName"] as? String == "Nguyễn Thị Lan")
            let created = try await client.json(
                "/api/v1/admin/users", .post, token: admin,
                body: #"{"username":"quay9","password":"mat-khau-dai-9","role":"staff","counter":2,"displayName":"Trần Văn Minh"}"#)
            #expect(try created.object()["displayName"] as? String == "Trần Văn Minh")
            let tooLong = String(repeating: "a", count: 81)
            let refused = try await client.json(
                "/api/v1/admin/users/quay1", .put, token: admin, body: #"{"role":"staff","counter":1,"displayName":"\#(tooLong)"}"#)
            #expect(try refused.errorCode() == "invalid_input")
            let me = try await client.json("/api/v1/me", token: try await client.login("quay1"))
            #expect(try me.object()["displayName"] as? String == "Nguyễn Thị Lan")

            let staff = try await client.login("quay1")
            _ = try await client.json("/api/v1/tickets/\(ticket)/done", .post, token: staff, body: #"{"outcome":"returned"}"#)
            let supervisor = try await client.login("giamsat")
            let report = try await client.json("/api/v1/reports?period=day:2026-03-04", token: supervisor).object()
            #expect((report["staffNames"] as? [String: String])?["quay1"] == "Nguyễn Thị Lan")
            let csv = String(buffer: try await client.json("/api/v1/reports?period=day:2026-03-04&format=csv", token: supervisor).body)
            #expect(csv.contains("quay1,Nguyễn Thị Lan (quay1),1,1,"))
        }
    }
}
