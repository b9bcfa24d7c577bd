import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import QueueCore
import QueueStore
import Simulators
import Testing

@Suite("Return-promise slips")
struct PromiseSlipTests {
    static func slipOutput(_ printing: PrintingHall, virtual: String?) throws -> PrintingSlipOutput {
        let registry = PrinterRegistry()
        registry.attach(
            TicketPrinter(
                port: printing.port, database: printing.hall.database, clock: printing.hall.clock, deadlines: PrintingTests.settled,
                alert: { _ in }))
        return PrintingSlipOutput(
            renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/promise-slip.json")),
            registry: registry, database: printing.hall.database, look: HallLook(centreName: "Trung tâm thử nghiệm"),
            virtualPrinterID: virtual)
    }

    static func slip(_ printing: PrintingHall) async throws -> PromiseSlip {
        let issued = try await printing.hall.database.issueTicket(
            field: "ho-tich", priority: .none, source: nil, at: printing.hall.clock.now())
        return PromiseSlip(
            dossierId: 7, ticketId: issued.ticket.id, ticket: issued.ticket.label, fieldName: "Hộ tịch", counter: 2,
            procedureCode: "1.001193", procedureName: "Đăng ký khai sinh", receivedAt: printing.hall.clock.now(),
            promisedAt: printing.hall.clock.now().addingTimeInterval(9 * 3600), explanation: "Thủ tục trong ngày.")
    }

    /// slip → render → ESC/POS → the counter's (bound) printer: the paper is exactly the rendered slip.
    @Test func theSlipPrintsOnThePrinterBoundToTheCounter() async throws {
        let printing = try await PrintingHall()
        let output = try Self.slipOutput(printing, virtual: nil)
        let slip = try await Self.slip(printing)
        #expect(await output.printSlip(slip).status == .none)
        try await printing.hall.database.bindDevice("kiosk-1", counter: 2, at: printing.hall.clock.now())
        #expect(await output.printSlip(slip).status == .printed)
        let page = try #require(printing.port.printouts.first?.pages.first)
        let expected = try output.renderer.render(output.content(for: slip), for: printing.port.profile)
        #expect(page.crop(try #require(page.printedRegion)) == expected)
        #expect(output.content(for: slip).extra["promisedAt"] == "17:00 02/03/2026")
        #expect(output.content(for: slip).extra["dossier"] == "7")
    }

    @Test func withoutACounterPrinterTheVirtualPrinterTakesIt() async throws {
        let printing = try await PrintingHall()
        let output = try Self.slipOutput(printing, virtual: "kiosk-1")
        #expect(await output.printSlip(try await Self.slip(printing)).status == .printed)
        #expect(printing.port.printouts.count == 1)
    }
}

@Suite("Return-promise slip QR")
struct PromiseSlipQRTests {
    /// With the ticket's token the slip carries a QR to its phone page (a taller slip); without one, none.
    @Test func theSlipLinksToTheTicketsPhonePage() async throws {
        let printing = try await PrintingHall()
        let registry = PrinterRegistry()
        let output = PrintingSlipOutput(
            renderer: try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/promise-slip.json")),
            registry: registry, database: printing.hall.database, look: HallLook(centreName: "Trung tâm thử nghiệm"), virtualPrinterID: nil,
            publicURL: "http://192.168.1.10:8080")
        var slip = try await PromiseSlipTests.slip(printing)
        let plain = try output.renderer.render(output.content(for: slip), for: printing.port.profile)
        slip.statusToken = String(repeating: "ab", count: 16)
        #expect(output.content(for: slip).statusURL == "http://192.168.1.10:8080/t/" + slip.statusToken)
        let linked = try output.renderer.render(output.content(for: slip), for: printing.port.profile)
        #expect(linked.height > plain.height + 150)
    }
}
