import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import NIOConcurrencyHelpers
import QueueCore
import QueueStore
import Simulators
import Testing

/// A hall with a virtual 80 mm printer behind the real render → encode → queue path.
struct PrintingHall {
    let hall: TestHall
    let port: VirtualPrinterPort
    let output: PrintingTicketOutput
    let alerts = AlertLog()

    init(statusSupported: Bool = true) async throws {
        hall = try await TestHall()
        var profile = try PrinterProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/printers"))
            .first { $0.id == "xprinter-80mm" }!
        profile.statusSupported = statusSupported
        port = VirtualPrinterPort(id: "kiosk-1", profile: profile, directory: nil)
        let registry = PrinterRegistry()
        let alerts = self.alerts
        let alert: @Sendable (PrinterAlert) -> Void = { alert in alerts.append(alert) }
        registry.attach(
            TicketPrinter(port: port, database: hall.database, clock: hall.clock, deadlines: PrintingTests.settled, alert: alert))
        output = PrintingTicketOutput(
            renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json")),
            registry: registry, look: HallLook(centreName: "Trung tâm thử nghiệm"), publicURL: "http://hall.local:8080",
            clock: hall.clock, database: hall.database, alert: alert)
    }

    /// Issues as the kiosk route does: with `storingJob`, the print job is stored in the ticket's transaction.
    func issue(_ field: String = "ho-tich", storingJob: Bool = false) async throws -> PrintRequest {
        let printer = storingJob ? output.printerID(forKiosk: "10.0.0.5") : nil
        let issued = try await hall.database.issueTicket(
            field: field, priority: .elderly, source: "10.0.0.5", at: hall.clock.now(), printer: printer)
        return PrintRequest(
            ticket: issued.ticket, fieldName: issued.fieldName, ahead: issued.ahead,
            estimatedWaitMinutes: issued.estimatedWaitMinutes, kiosk: "10.0.0.5", printJobID: issued.printJobID)
    }
}

@Suite("Printing at the kiosk")
struct PrintingTests {
    /// These tests assert how a job ends, not the kiosk's answer deadline: waiting for the outcome keeps them
    /// independent of the machine's speed (a loaded CI box or ThreadSanitizer missed the 1.5 s deadline).
    static let settled = PrintDeadlines(answer: .seconds(120), status: .seconds(120))

    /// ticket → renderer bitmap → ESC/POS bytes → virtual printer → the paper shows exactly that bitmap, cut.
    @Test func printedPaperIsTheRenderedTicket() async throws {
        let printing = try await PrintingHall()
        let request = try await printing.issue()
        let outcome = await printing.output.print(request)
        #expect(outcome.status == .printed)
        let page = try #require(printing.port.printouts.first?.pages.first)
        #expect(page.cut != nil)
        let expected = try printing.output.renderer.render(printing.output.content(for: request), for: printing.port.profile)
        let region = try #require(page.printedRegion)
        #expect(page.crop(region) == expected)
        #expect(expected.width == 576)
        #expect(printing.output.content(for: request).statusURL == "http://hall.local:8080/t/\(request.ticket.token)")
        let jobs = try await printing.hall.database.printJobs(state: .printed)
        #expect(jobs.map(\.number) == ["B001"])
    }

    @Test func paperOutIsReportedKeptAndReprintable() async throws {
        let printing = try await PrintingHall()
        printing.port.sensors.paperOut = true
        let request = try await printing.issue()
        let outcome = await printing.output.print(request)
        #expect(outcome.status == .failed)
        #expect(outcome.message == "Máy in hết giấy")
        #expect(printing.port.printouts.isEmpty)
        #expect(printing.alerts.all.map(\.message) == ["Máy in hết giấy"])
        #expect(try await printing.hall.database.printJobs(state: .failed).map(\.number) == ["B001"])

        printing.port.sensors.paperOut = false
        #expect(await printing.output.print(request).status == .printed)
        #expect(try await printing.hall.database.printJobs(state: .failed).isEmpty)
        #expect(printing.port.printouts.count == 1)
    }

    @Test func aSilentPrinterIsOfflineAndNothingIsSent() async throws {
        let printing = try await PrintingHall()
        printing.port.sensors.answersStatus = false
        let outcome = await printing.output.print(try await printing.issue())
        #expect(outcome.status == .failed)
        #expect(outcome.message == "Máy in không phản hồi (kiểm tra cáp và nguồn điện)")
        #expect(printing.port.printouts.isEmpty)
    }

    @Test func withoutAnyPrinterTheKioskIsToldAndTheSupervisorAlerted() async throws {
        let printing = try await PrintingHall()
        printing.output.registry.detach(id: "kiosk-1")
        let outcome = await printing.output.print(try await printing.issue())
        #expect(outcome.status == .failed)
        #expect(outcome.message == "Máy in chưa kết nối; vui lòng ghi lại số trên màn hình.")
        #expect(printing.alerts.all.count == 1)
    }

    /// The job is stored `queued` with the ticket (one commit), and printing it does not store a second one.
    @Test func theJobStoredWithTheTicketIsTheOnePrinted() async throws {
        let printing = try await PrintingHall()
        let request = try await printing.issue(storingJob: true)
        let job = try #require(request.printJobID)
        let queued = try #require(try await printing.hall.database.printJobs(state: .queued).first)
        #expect(queued.id == job && queued.number == "B001" && queued.printer == "kiosk-1")
        #expect(await printing.output.print(request).status == .printed)
        let jobs = try await printing.hall.database.printJobs(state: nil)
        #expect(jobs.map(\.id) == [job])
        #expect(jobs.map(\.state) == [.printed])
    }

    /// A printer unplugged between the issue and its job: the stored job is failed and listed to reprint.
    @Test func aStoredJobWhosePrinterWentAwayIsFailed() async throws {
        let printing = try await PrintingHall()
        let request = try await printing.issue(storingJob: true)
        printing.output.registry.detach(id: "kiosk-1")
        #expect(await printing.output.print(request).status == .failed)
        let failed = try await printing.hall.database.printJobs(state: .failed)
        #expect(failed.map(\.number) == ["B001"])
        #expect(failed.first?.error == "Máy in đã bị rút ra / The printer was unplugged")
        #expect(try await printing.hall.database.printJobs(state: .queued).isEmpty)
    }

    @Test func kiosksPrintOnTheirConfiguredPrinter() async throws {
        let hall = try await PrintingHall()
        let profile = hall.port.profile
        let registry = PrinterRegistry(kioskPrinters: ["10.0.0.6": "lobby"])
        let lobby = VirtualPrinterPort(id: "lobby", profile: profile, directory: nil)
        registry.attach(
            TicketPrinter(port: hall.port, database: hall.hall.database, clock: hall.hall.clock, deadlines: Self.settled) { _ in })
        registry.attach(
            TicketPrinter(port: lobby, database: hall.hall.database, clock: hall.hall.clock, deadlines: Self.settled) { _ in })
        #expect(registry.printer(forKiosk: "10.0.0.6")?.port.id == "lobby")
        #expect(registry.printer(forKiosk: "10.0.0.9")?.port.id == "kiosk-1")
        registry.detach(id: "lobby")
        #expect(registry.printer(forKiosk: "10.0.0.6") == nil)
    }
}

final class AlertLog: Sendable {
    private let alerts = NIOLockedValueBox<[PrinterAlert]>([])
    func append(_ alert: PrinterAlert) { alerts.withLockedValue { $0.append(alert) } }
    var all: [PrinterAlert] { alerts.withLockedValue { $0 } }
}
