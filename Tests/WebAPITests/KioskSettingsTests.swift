import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Simulators
import Testing
import WebAPI

@Suite("Kiosk settings behind the admin's PIN")
struct KioskSettingsTests {
    /// A hall with two virtual printers, the kiosk printing on the first by default.
    struct TwoPrinters {
        let hall: TestHall
        let first: VirtualPrinterPort
        let second: VirtualPrinterPort
        let app: KioskApp

        init() async throws {
            hall = try await TestHall()
            let profile = try #require(
                try PrinterProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/printers"))
                    .first { $0.id == "xprinter-80mm" })
            first = VirtualPrinterPort(id: "kiosk-1", profile: profile, directory: nil)
            second = VirtualPrinterPort(id: "kiosk-2", profile: profile, directory: nil)
            let registry = PrinterRegistry()
            let deadlines = PrintDeadlines(answer: .seconds(10), status: .seconds(2))
            for port in [first, second] {
                registry.attach(
                    TicketPrinter(port: port, database: hall.database, clock: hall.clock, deadlines: deadlines, alert: { _ in }))
            }
            let output = PrintingTicketOutput(
                renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json")),
                registry: registry, look: HallLook(centreName: "Trung tâm thử nghiệm"), publicURL: "http://hall.local:8080",
                clock: hall.clock, database: hall.database, alert: { _ in })
            let hub = HallEventHub(database: hall.database)
            let devices = HallDevices(
                database: hall.database,
                displays: DisplayHub(displays: [], bindings: [:], clock: hall.clock, logger: Logger(label: "test"), alert: { _ in }),
                keypads: KeypadHub(
                    ratings: RatingDesk(database: hall.database, policy: RatingPolicy(), events: hub), clock: hall.clock,
                    logger: Logger(label: "test")),
                printers: registry, clock: hall.clock, testPage: { try output.testPage(for: $0) })
            app = KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, ticketOutput: output, devices: devices)
        }
    }

    @Test func thePinOpensTheKioskSettingsWhichTakeEffectAtOnce() async throws {
        let setup = try await TwoPrinters()
        let (hall, first, second) = (setup.hall, setup.first, setup.second)
        try await withAPI(hall, kiosk: setup.app) { client in
            let fresh = try await client.json("/api/v1/kiosk/settings").object()
            #expect(fresh["language"] as? String == "vi")
            #expect(fresh["idleSeconds"] as? Int == 30)
            #expect(fresh["pinSet"] as? Bool == false)
            #expect(fresh["fields"] == nil)
            let unset = try await client.json("/api/v1/kiosk/unlock", .post, body: #"{"pin":"2468"}"#)
            #expect(unset.status == .conflict)
            #expect(try unset.errorCode() == "kiosk_pin_unset")

            // Only the admin sets the PIN, digits only; the audit log never holds its hash.
            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/admin/kiosk-pin", .put, token: staff, body: #"{"pin":"2468"}"#).status == .forbidden)
            let admin = try await client.login("admin")
            let letters = try await client.json("/api/v1/admin/kiosk-pin", .put, token: admin, body: #"{"pin":"24a8"}"#)
            #expect(letters.status == .unprocessableContent)
            #expect(try letters.errorMessage() == "Mã PIN phải gồm 4 đến 8 chữ số.")
            let set = try await client.json("/api/v1/admin/kiosk-pin", .put, token: admin, body: #"{"pin":"2468"}"#)
            #expect(try set.object()["pinSet"] as? Bool == true)
            #expect(try await client.json("/api/v1/admin/kiosk-pin", token: admin).object()["pinSet"] as? Bool == true)
            let audit = try #require(try await hall.database.auditEntries(limit: 5).first { $0.action.rawValue == "setting.kioskPin" })
            #expect(audit.after == "(ẩn / hidden)")
            #expect(audit.actor == "admin")

            let wrong = try await client.json("/api/v1/kiosk/unlock", .post, body: #"{"pin":"1111"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.errorCode() == "wrong_pin")
            let unlocked = try await client.json("/api/v1/kiosk/unlock", .post, body: #"{"pin":"2468"}"#).object()
            let token = try #require(unlocked["token"] as? String)
            #expect(unlocked["expiresInSeconds"] as? Int == 600)
            #expect((unlocked["printers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["kiosk-1", "kiosk-2"])
            #expect((unlocked["fields"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["dat-dai", "ho-tich"])

            // Bad values are refused by name and change nothing.
            let forged = try await client.json(
                "/api/v1/kiosk/settings", .put, body: #"{"token":"forged","language":"en","idleSeconds":45}"#)
            #expect(forged.status == .unauthorized)
            #expect(try forged.errorCode() == "kiosk_locked")
            let tooQuick = try await client.json(
                "/api/v1/kiosk/settings", .put, body: #"{"token":"\#(token)","language":"en","idleSeconds":5}"#)
            #expect(tooQuick.status == .unprocessableContent)
            #expect(try tooQuick.errorMessage() == "Thời gian tự quay về phải từ 10 đến 600 giây (nhận 5).")
            let unknownField = try await client.json(
                "/api/v1/kiosk/settings", .put, body: #"{"token":"\#(token)","language":"en","idleSeconds":45,"fields":["xay-dung"]}"#)
            #expect(try unknownField.errorMessage() == "Không có lĩnh vực mã “xay-dung”.")
            #expect(try await client.json("/api/v1/kiosk/settings").object()["language"] as? String == "vi")

            let saved = try await client.json(
                "/api/v1/kiosk/settings", .put,
                body: #"{"token":"\#(token)","language":"en","idleSeconds":45,"fields":["ho-tich"],"printer":"kiosk-2"}"#)
            #expect(saved.status == .ok)
            let read = try await client.json("/api/v1/kiosk/settings").object()
            #expect(read["language"] as? String == "en")
            #expect(read["idleSeconds"] as? Int == 45)
            #expect(read["fields"] as? [String] == ["ho-tich"])
            #expect(read["printer"] as? String == "kiosk-2")
            #expect(read["pinSet"] as? Bool == true)

            // The next ticket prints on the chosen printer, and so does the test print.
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#)
            #expect(issued.status == .created)
            #expect(first.printouts.isEmpty)
            #expect(second.printouts.count == 1)
            let test = try await client.json("/api/v1/kiosk/test-print", .post, body: #"{"token":"\#(token)"}"#).object()
            #expect(test["printer"] as? String == "kiosk-2")
            #expect(test["status"] as? String == "printed")
            #expect(second.printouts.count == 2)

            // The key lasts ten minutes.
            hall.clock.advance(minutes: 11)
            let late = try await client.json("/api/v1/kiosk/test-print", .post, body: #"{"token":"\#(token)"}"#)
            #expect(try late.errorCode() == "kiosk_locked")
        }
    }

    @Test func guessingThePinIsStoppedAfterFiveTries() async throws {
        let setup = try await TwoPrinters()
        let hall = setup.hall
        try await withAPI(hall, kiosk: setup.app) { client in
            let admin = try await client.login("admin")
            _ = try await client.json("/api/v1/admin/kiosk-pin", .put, token: admin, body: #"{"pin":"97531"}"#)
            for guess in 1000..<1005 {
                #expect(try await client.json("/api/v1/kiosk/unlock", .post, body: #"{"pin":"\#(guess)"}"#).status == .unauthorized)
            }
            let stopped = try await client.json("/api/v1/kiosk/unlock", .post, body: #"{"pin":"97531"}"#)
            #expect(stopped.status == .tooManyRequests)
            #expect(try stopped.errorCode() == "rate_limited")
            let failures = try await hall.database.auditEntries(limit: 20).filter { $0.action.rawValue == "kiosk.pin_failed" }
            #expect(failures.count == 5)
            // The admin removes the PIN: the settings screen stays shut.
            #expect(try await client.json("/api/v1/admin/kiosk-pin", .delete, token: admin).object()["pinSet"] as? Bool == false)
            #expect(try await client.json("/api/v1/kiosk/settings").object()["pinSet"] as? Bool == false)
        }
    }
}
