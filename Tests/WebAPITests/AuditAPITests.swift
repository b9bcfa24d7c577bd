import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Testing
import WebAPI

/// One device to bind, for the binding's audit entry.
struct OneDevice: DeviceDirectory {
    let database: AppDatabase

    func devices() async -> [DeviceInfo] {
        let counter = (try? await database.deviceBindings())?["printer-1"]
        return [
            DeviceInfo(
                id: "printer-1", kind: .printer, profile: "generic-58mm", name: "Máy in", port: "simulated", counter: counter,
                status: .ok, statusText: "", statusTextEn: "", lastSeen: nil, simulated: true)
        ]
    }

    func bind(_ id: String, counter: Int?) async throws -> DeviceInfo {
        try await database.bindDevice(id, counter: counter, at: Date())
        guard let device = await devices().first else { throw DeviceDirectoryError.unknownDevice(id) }
        return device
    }

    func test(_ id: String) async throws -> DeviceTestResult { DeviceTestResult(message: "", messageEn: "") }
    func type(_ id: String, keys: String) async throws -> [String] { [] }
}

@Suite("Audit log")
struct AuditAPITests {
    /// Every admin change, sign-in (and failure) and dossier return is in the log: who, what, when, from
    /// where, with the value before and after; newest first, a page at a time, admins only.
    @Test func adminChangesSignInsAndReturnsAreAudited() async throws {
        let hall = try await TestHall()
        let kiosk = KioskApp(
            database: hall.database, settings: hall.settings, clock: hall.clock, devices: OneDevice(database: hall.database))
        try await withAPI(hall, kiosk: kiosk) { client in
            #expect(try await client.signIn("admin", "wrong-pass").status == .unauthorized)
            let admin = try await client.login("admin")
            let field = #"{"code":"xay-dung","name":"Xây dựng","nameEn":"Construction","prefix":"G","waitTargetMinutes":20}"#
            #expect(try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: field).status == .ok)
            let renamed = field.replacingOccurrences(of: #""Xây dựng""#, with: #""Xây dựng cơ bản""#)
            #expect(try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: renamed).status == .ok)
            #expect(try await client.json("/api/v1/admin/fields/xay-dung", .delete, token: admin).status == .ok)
            let counter = #"{"number":3,"name":"Quầy 3","fields":["ho-tich"]}"#
            #expect(try await client.json("/api/v1/admin/counters/3", .put, token: admin, body: counter).status == .ok)
            let user = #"{"username":"lan","password":"mat-khau-dai","role":"staff","counter":3}"#
            #expect(try await client.json("/api/v1/admin/users", .post, token: admin, body: user).status == .created)
            let promote = #"{"role":"supervisor","counter":null,"password":"mat-khau-moi"}"#
            #expect(try await client.json("/api/v1/admin/users/lan", .put, token: admin, body: promote).status == .ok)
            #expect(try await client.json("/api/v1/admin/users/lan", .delete, token: admin).status == .noContent)
            #expect(
                try await client.json("/api/v1/admin/devices/printer-1/binding", .put, token: admin, body: #"{"counter":2}"#).status == .ok)
            let year = #"{"year":2031,"holidays":[{"date":"2031-01-01","name":"Tết Dương lịch"}],"swappedWorkingDays":[],"source":"thử"}"#
            #expect(try await client.json("/api/v1/admin/calendar/2031", .put, token: admin, body: year).status == .ok)
            let catalog = try await client.json("/api/v1/admin/catalog", token: admin)
            let body = String(buffer: catalog.body).replacingOccurrences(of: "Trung tâm thử nghiệm", with: "Trung tâm mới")
            #expect(try await client.json("/api/v1/admin/catalog", .put, token: admin, body: body).status == .ok)
            let dossier = try await Self.returnADossier(hall, client)

            let page = try await client.json("/api/v1/admin/audit", token: admin).object()
            let entries = try #require(page["entries"] as? [[String: Any]])
            #expect(
                entries.map { $0["action"] as? String } == [
                    "dossier.returned", "login.succeeded", "catalog.replaced", "calendar.saved", "device.bound", "user.deleted",
                    "user.updated", "user.created", "counter.saved", "field.removed", "field.saved", "field.saved", "login.succeeded",
                    "login.failed",
                ])
            #expect(page["nextBefore"] == nil || page["nextBefore"] is NSNull)
            let byAction = { (action: String) in entries.filter { $0["action"] as? String == action } }
            #expect(entries.allSatisfy { $0["at"] is String && $0["client"] as? String == "unknown" })
            #expect(byAction("login.failed").first?["actor"] as? String == "admin")
            let saves = byAction("field.saved")
            #expect(saves.last?["before"] == nil)
            #expect((saves.last?["after"] as? String)?.contains(#""name":"Xây dựng""#) == true)
            #expect((saves.first?["before"] as? String)?.contains(#""name":"Xây dựng""#) == true)
            #expect((saves.first?["after"] as? String)?.contains(#""name":"Xây dựng cơ bản""#) == true)
            #expect(saves.allSatisfy { $0["actor"] as? String == "admin" && $0["target"] as? String == "xay-dung" })
            #expect((byAction("field.removed").first?["before"] as? String)?.contains("xay-dung") == true)
            #expect(byAction("field.removed").first?["after"] == nil)
            let updated = try #require(byAction("user.updated").first)
            #expect((updated["before"] as? String)?.contains(#""role":"staff""#) == true)
            #expect((updated["after"] as? String)?.contains(#""passwordChanged":true"#) == true)
            #expect(
                !entries.contains {
                    ($0["after"] as? String)?.contains("mat-khau") == true || ($0["after"] as? String)?.contains("$2b$") == true
                })
            #expect(byAction("device.bound").first?["before"] as? String == "{}")
            #expect(byAction("device.bound").first?["after"] as? String == #"{"counter":2}"#)
            #expect(byAction("calendar.saved").first?["target"] as? String == "2031")
            #expect((byAction("catalog.replaced").first?["after"] as? String)?.contains("Trung tâm mới") == true)
            let returned = try #require(byAction("dossier.returned").first)
            #expect(returned["target"] as? String == String(dossier))
            #expect(returned["actor"] as? String == "quay1")
            #expect((returned["after"] as? String)?.contains("returnedAt") == true)

            let first = try await client.json("/api/v1/admin/audit?limit=3", token: admin).object()
            let firstIDs = try #require(first["entries"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
            let before = try #require(first["nextBefore"] as? Int)
            #expect(firstIDs.count == 3 && before == firstIDs.last)
            let second = try await client.json("/api/v1/admin/audit?limit=3&before=\(before)", token: admin).object()
            let secondIDs = try #require(second["entries"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
            #expect(secondIDs == entries[3..<6].compactMap { $0["id"] as? Int })
            #expect(secondIDs.allSatisfy { $0 < before })

            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/admin/audit", token: staff).status == .forbidden)
            #expect(try await client.json("/api/v1/admin/audit").status == .unauthorized)
            #expect(try await client.json("/api/v1/admin/audit?limit=0", token: admin).status == .unprocessableContent)
            #expect(try await client.json("/api/v1/admin/audit?before=x", token: admin).status == .unprocessableContent)
        }
    }

    /// A dossier received at counter 1 and returned there; returns its id.
    static func returnADossier(_ hall: TestHall, _ client: any TestClientProtocol) async throws -> Int {
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let staff = try await client.login("quay1")
        let ticket = try #require(try await client.json("/api/v1/counters/1/next", .post, token: staff).object()["id"] as? Int)
        _ = try await client.json("/api/v1/tickets/\(ticket)/serve", .post, token: staff)
        let intake = try await client.json(
            "/api/v1/tickets/\(ticket)/dossiers", .post, token: staff, body: #"{"procedure":"1.004227","complete":true}"#)
        let dossier = try #require((try intake.object()["dossier"] as? [String: Any])?["id"] as? Int)
        #expect(try await client.json("/api/v1/dossiers/\(dossier)/return", .post, token: staff).status == .ok)
        return dossier
    }
}
