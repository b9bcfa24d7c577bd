import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import QueueStore
import Simulators
import Testing
import WebAPI

/// The kiosk over HTTP with a virtual printer: the issue answer never waits for a stalled printer, the kiosk
/// learns how the job ended, and "Lấy lại vé" prints again only when no paper came out.
@Suite("Kiosk printing over HTTP")
struct KioskReprintTests {
    static func app(_ hall: TestHall, answer: Duration) throws -> (KioskApp, VirtualPrinterPort) {
        let profile = try PrinterProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/printers"))
            .first { $0.id == "xprinter-80mm" }!
        let port = VirtualPrinterPort(id: "kiosk-1", profile: profile, directory: nil, writeTimeout: .seconds(3600))
        let registry = PrinterRegistry()
        registry.attach(
            TicketPrinter(
                port: port, database: hall.database, clock: hall.clock, deadlines: PrintDeadlines(answer: answer, status: .seconds(120)),
                alert: { _ in }))
        let output = PrintingTicketOutput(
            renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json")),
            registry: registry, look: HallLook(centreName: "Trung tâm thử nghiệm"), publicURL: "", clock: hall.clock, alert: { _ in })
        return (KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, ticketOutput: output), port)
    }

    static func printState(_ client: any TestClientProtocol, _ token: String) async throws -> String? {
        try await client.json("/api/v1/public/tickets/\(token)/print").object()["status"] as? String
    }

    @Test(.timeLimit(.minutes(3)))  // a hang guard; under ThreadSanitizer with the whole suite running, printing is slow
    func fiveTicketsInARowAnswerWhileThePrinterTakesNothing() async throws {
        let hall = try await TestHall()
        let (kiosk, port) = try Self.app(hall, answer: .milliseconds(200))
        port.sensors.takesBytes = false
        try await withAPI(hall, kiosk: kiosk) { client in
            var tokens: [String] = []
            for _ in 0..<5 {
                let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#)
                #expect(issued.status == .created)
                let body = try issued.object()
                #expect((body["printed"] as? [String: Any])?["status"] as? String == "queued")
                tokens.append(try #require(body["token"] as? String))
            }
            #expect(try await Self.printState(client, tokens[0]) == "queued")
            port.sensors.takesBytes = true
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline, try await Self.printState(client, tokens[4]) != "printed" {
                try await Task.sleep(for: .milliseconds(20))
            }
            for token in tokens { #expect(try await Self.printState(client, token) == "printed") }
            #expect(port.printouts.count == 5)
        }
    }

    @Test func printAgainOnlyWhenNoPaperCameOut() async throws {
        let hall = try await TestHall()
        let (kiosk, port) = try Self.app(hall, answer: .seconds(120))
        port.sensors.paperOut = true
        try await withAPI(hall, kiosk: kiosk) { client in
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#).object()
            let token = try #require(issued["token"] as? String)
            #expect(issued["printed"] as? [String: String] == ["status": "failed", "message": "Máy in hết giấy"])
            #expect(
                try await client.json("/api/v1/public/tickets/\(token)/print").object() as? [String: String]
                    == ["status": "failed", "message": "Máy in hết giấy"])

            // Still out of paper: tried again, failed again.
            let again = try await client.json("/api/v1/public/tickets/\(token)/reprint", .post)
            #expect(again.status == .ok)
            #expect(try again.object()["status"] as? String == "failed")
            port.sensors.paperOut = false
            let printed = try await client.json("/api/v1/public/tickets/\(token)/reprint", .post)
            #expect(try printed.object()["status"] as? String == "printed")
            #expect(port.printouts.count == 1)

            let twice = try await client.json("/api/v1/public/tickets/\(token)/reprint", .post)
            try ErrorShapeTests.expectErrorShape(twice, .conflict, "reprint_refused")
            #expect(try twice.errorMessage() == "Phiếu đã in xong; vui lòng nhận ở khe máy in.")
            #expect(port.printouts.count == 1)

            let unknown = try await client.json("/api/v1/public/tickets/0123456789abcdef0123456789abcdef/reprint", .post)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aCitizenReprintsAtMostThreeTimesAndOnlyWhileWaiting() async throws {
        let hall = try await TestHall()
        let (kiosk, port) = try Self.app(hall, answer: .seconds(120))
        port.sensors.paperOut = true
        try await withAPI(hall, kiosk: kiosk) { client in
            let token = try #require(
                try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#).object()["token"] as? String)
            for _ in 0..<3 {
                #expect(try await client.json("/api/v1/public/tickets/\(token)/reprint", .post).status == .ok)
            }
            let fourth = try await client.json("/api/v1/public/tickets/\(token)/reprint", .post)
            try ErrorShapeTests.expectErrorShape(fourth, .conflict, "reprint_refused")
            #expect(try fourth.errorMessage()?.hasPrefix("Đã in lại 3 lần") == true)

            _ = try await hall.database.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
            let called = try await client.json("/api/v1/public/tickets/\(token)/reprint", .post)
            #expect(try called.errorMessage() == "Số B001 đã được gọi hoặc đã xong; không in lại.")
            try ErrorShapeTests.expectErrorShape(called, .conflict, "reprint_refused")
        }
    }
}
