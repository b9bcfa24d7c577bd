import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Device management API")
struct DeviceAPITests {
    @Test func adminListsBindsTestsAndTypesOnSimulatedDevices() async throws {
        let displays = try await DisplayHall()
        let hall = displays.hall
        let keypads = try await KeypadHub.simulatedForTests(hall)
        let directory = HallDevices(database: hall.database, displays: displays.hub, keypads: keypads, printers: nil, clock: hall.clock)
        let kiosk = KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, devices: directory)
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let app = kiosk.application(settings: hall.settings, logger: Logger(label: "test"))
        try await app.testAgainstContract { client in
            func call(_ uri: String, _ method: HTTPRequest.Method = .get, token: String? = nil, body: String? = nil) async throws
                -> TestResponse
            {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let login = try await call("/api/v1/auth/login", .post, body: #"{"username":"admin","password":"secret-pass"}"#)
            let admin =
                try #require(try JSONSerialization.jsonObject(with: Data(login.body.readableBytesView)) as? [String: Any])["token"]
                as? String
            let staffLogin = try await call("/api/v1/auth/login", .post, body: #"{"username":"quay1","password":"secret-pass"}"#)
            let staff =
                try #require(try JSONSerialization.jsonObject(with: Data(staffLogin.body.readableBytesView)) as? [String: Any])["token"]
                as? String
            #expect(try await call("/api/v1/admin/devices", token: staff).status == .forbidden)
            let list = try await call("/api/v1/admin/devices", token: admin)
            let devices = try #require(
                (try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [String: Any])?["devices"]
                    as? [[String: Any]])
            #expect(devices.map { $0["id"] as? String } == ["d1", "d2", "rate-1", "seq-2", "call-1", "usb-kp"])
            #expect(devices.first?["screen"] as? [String] == ["Quay 1              ", "                    "])
            #expect(devices.last?["statusText"] as? String == "Chưa gán quầy")
            let typed = try await call("/api/v1/admin/devices/call-1/keys", .post, token: admin, body: #"{"keys":"1"}"#)
            #expect(String(buffer: typed.body) == #"{"actions":["Gọi A001"]}"#)
            let real = try await call("/api/v1/admin/devices/usb-kp/keys", .post, token: admin, body: #"{"keys":"1"}"#)
            #expect(real.status == .conflict)
            let bound = try await call("/api/v1/admin/devices/usb-kp/binding", .put, token: admin, body: #"{"counter":2}"#)
            #expect(bound.status == .ok)
            #expect(try await hall.database.deviceBindings() == ["usb-kp": 2])
            #expect(try await call("/api/v1/admin/devices/usb-kp/binding", .put, token: admin, body: #"{"counter":9}"#).status == .notFound)
            #expect(try await call("/api/v1/admin/devices/nope/test", .post, token: admin).status == .notFound)
            #expect(try await call("/api/v1/admin/devices/rate-1/test", .post, token: admin).status == .ok)
        }
    }
}
