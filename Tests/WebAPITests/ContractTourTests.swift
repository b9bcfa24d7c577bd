import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Simulators
import Testing
import WebAPI

/// Calls the operations no other API test reaches, so the OpenAPI contract checks their answers too. The other
/// suites cover the rest; the process prints which documented operations a run never answered.
@Suite("OpenAPI contract tour")
struct ContractTourTests {
    /// A hall whose tickets print on a virtual 80 mm printer, so reprints, print jobs and ticket images are real.
    static func printingKiosk(_ hall: TestHall) throws -> KioskApp {
        let profiles = try PrinterProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/printers"))
        let profile = try #require(profiles.first { $0.id == "xprinter-80mm" })
        let registry = PrinterRegistry()
        registry.attach(
            TicketPrinter(
                port: VirtualPrinterPort(id: "kiosk-1", profile: profile, directory: nil), database: hall.database, clock: hall.clock,
                alert: { _ in }))
        let output = PrintingTicketOutput(
            renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json")),
            registry: registry, look: HallLook(centreName: "Trung tâm thử nghiệm"), publicURL: "", clock: hall.clock, alert: { _ in })
        return KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, ticketOutput: output)
    }

    @Test func pagesHealthAndTheDocumentItself() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            #expect(try await client.json("/api/v1/health").status == .ok)
            let root = try await client.json("/")
            #expect(root.status == .seeOther)
            #expect(root.headers[.location] == "/kiosk")
            for page in [
                "/kiosk", "/display", "/book", "/staff", "/supervisor", "/supervisor/reports", "/t/0123456789abcdef0123456789abcdef",
                "/rate/1", "/gop-y",
                "/admin", "/admin/devices",
            ] {
                let response = try await client.json(page)
                #expect(response.status == .ok, "\(page)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
            }
            let document = try await client.json("/openapi.json")
            #expect(try document.object()["openapi"] as? String == "3.1.0")
        }
    }

    @Test func printingReprintsAndTicketImages() async throws {
        let hall = try await TestHall()
        try await withAPI(hall, kiosk: try Self.printingKiosk(hall)) { client in
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#).object()
            // "queued" when the printer takes longer than the kiosk waits (a loaded machine); both are documented.
            #expect(["printed", "queued"].contains((issued["printed"] as? [String: Any])?["status"] as? String))
            let token = try #require(issued["token"] as? String)
            let id = try #require(issued["id"] as? Int)
            let image = try await client.json("/api/v1/public/tickets/\(token)/ticket.png")
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(try await client.json("/api/v1/public/tickets/0000/ticket.png").status == .notFound)
            let staff = try await client.login("quay2")
            #expect(try await client.json("/api/v1/tickets/\(id)/reprint", .post).status == .unauthorized)
            // Staff reprint only what was called to their counter; a supervisor reprints any ticket.
            #expect(try await client.json("/api/v1/tickets/\(id)/reprint", .post, token: staff).status == .forbidden)
            let supervisor = try await client.login("giamsat")
            #expect(try await client.json("/api/v1/tickets/\(id)/reprint", .post, token: supervisor).status == .ok)
            #expect(try await client.json("/api/v1/tickets/999/reprint", .post, token: supervisor).status == .notFound)
            #expect(try await client.json("/api/v1/print-jobs", token: staff).status == .forbidden)
            var polls = 0  // the printer finishes in the background: wait up to 10 s for both jobs
            while try await hall.database.printJobs(state: .printed).count < 2, polls < 100 {
                try await Task.sleep(for: .milliseconds(100))
                polls += 1
            }
            let jobs = try await client.json("/api/v1/print-jobs?state=printed", token: supervisor).array()
            #expect(jobs.count == 2)
            #expect(try await client.json("/api/v1/print-jobs?state=lost", token: supervisor).status == .unprocessableContent)
        }
    }

    @Test func countersNoShowsAndCancellations() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            for _ in 0..<2 { _ = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#) }
            #expect(try await client.json("/api/v1/counters").status == .unauthorized)
            let staff = try await client.login("quay1")
            let counters = try await client.json("/api/v1/counters", token: staff).array()
            #expect(counters.map { $0["number"] as? Int } == [1, 2])
            let called = try await client.json("/api/v1/counters/1/next", .post, token: staff).object()
            let id = try #require(called["id"] as? Int)
            #expect(try await client.json("/api/v1/tickets/\(id)/no-show", .post, token: staff).object()["state"] as? String == "no-show")
            #expect(try await client.json("/api/v1/tickets/\(id)/cancel", .post, token: staff).status == .conflict)
            // A waiting ticket is at no counter: staff may not cancel it, a supervisor may.
            #expect(try await client.json("/api/v1/tickets/\(id + 1)/cancel", .post, token: staff).status == .forbidden)
            let supervisor = try await client.login("giamsat")
            #expect(
                try await client.json("/api/v1/tickets/\(id + 1)/cancel", .post, token: supervisor).object()["state"] as? String
                    == "cancelled")
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: staff).status == .noContent)
            #expect(try await client.json("/api/v1/counters/2/next", .post, token: staff).status == .forbidden)
        }
    }

    @Test func aDossierIDThatIsNotANumberIsRefused() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let supervisor = try await client.login("giamsat")
            let returned = try await client.json("/api/v1/dossiers/abc/return", .post, token: supervisor)
            #expect(returned.status == .unprocessableContent)
            #expect(try returned.errorCode() == "invalid_input")
            #expect(try await client.json("/api/v1/dossiers/abc/apology", token: supervisor).status == .unprocessableContent)
        }
    }

    @Test func catalogProceduresCountersAndAccounts() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let catalog = try await client.json("/api/v1/admin/catalog", token: admin)
            let replaced = try await client.json(
                "/api/v1/admin/catalog", .put, token: admin, body: String(buffer: catalog.body))
            #expect(replaced.status == .ok)
            let procedure =
                #"{"code":"1.000656","field":"ho-tich","name":"Đăng ký kết hôn","workingDays":5,"sameDayGroup":2,"noWaitFriday":false}"#
            #expect(try await client.json("/api/v1/admin/procedures/1.000656", .put, token: admin, body: procedure).status == .ok)
            #expect(try await client.json("/api/v1/admin/procedures/1.000656", .delete, token: admin).status == .ok)
            #expect(try await client.json("/api/v1/admin/procedures/1.000656", .delete, token: admin).status == .unprocessableContent)
            let counter = #"{"number":3,"name":"Quầy 3","fields":["ho-tich"]}"#
            #expect(try await client.json("/api/v1/admin/counters/3", .put, token: admin, body: counter).status == .ok)
            #expect(try await client.json("/api/v1/admin/counters/3", .delete, token: admin).status == .ok)
            let users = try await client.json("/api/v1/admin/users", token: admin).array()
            #expect(users.map { $0["username"] as? String }.contains("quay2"))
            #expect(try await client.json("/api/v1/admin/users/quay2", .delete, token: admin).status == .noContent)
            #expect(try await client.json("/api/v1/admin/users/quay2", .delete, token: admin).status == .notFound)
            #expect(try await client.json("/api/v1/admin/users", token: try await client.login("quay1")).status == .forbidden)
        }
    }
}
