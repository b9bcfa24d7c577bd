import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import NIOConcurrencyHelpers
import QueueCore
import QueueStore
import Simulators
import Testing

/// At SIGTERM `serve` stops its printers before it closes the store: the job at hand finishes and is recorded, the
/// ones behind it are never started and stay stored as `queued` for the next start's reprint list.
@Suite("Printers at shutdown")
struct PrinterShutdownTests {
    /// A printer that takes no bytes until its sensors say so, the only one in the registry `serve` stops.
    static func jammedPrinterInARegistry() async throws -> (PrintingHall, TicketPrinter, VirtualPrinterPort, PrinterRegistry) {
        let hall = try await PrintingHall()
        let (printer, port) = PrintDeadlineTests.stalledPrinter(hall, writeTimeout: .seconds(3600), answer: .milliseconds(50))
        let registry = PrinterRegistry()
        registry.attach(printer)
        return (hall, printer, port, registry)
    }

    @Test(.timeLimit(.minutes(1)))
    func theJobAtHandIsRecordedAndTheRestStayQueued() async throws {
        let (hall, printer, port, registry) = try await Self.jammedPrinterInARegistry()
        let drawn = NIOLockedValueBox(false)
        let first = try await hall.issue().ticket
        _ = await printer.submit(ticket: first) {
            drawn.withLockedValue { $0 = true }  // the first job is past its start: it is the job at hand
            return [0x1B, 0x40]
        }
        try await PrintDeadlineTests.waitFor { drawn.withLockedValue { $0 } }
        var behind: [String] = []
        for _ in 0..<2 {
            let request = try await hall.issue()
            behind.append(request.ticket.label)
            _ = await printer.submit([0x1B, 0x40], ticket: request.ticket)
        }
        let stopping = Task { await registry.stopPrinting(within: .seconds(30)) }
        try await PrintDeadlineTests.waitFor { await printer.isStopping }
        port.sensors.takesBytes = true  // the first job's bytes go out now, while the server stops
        #expect(await stopping.value == 2)
        #expect(port.printouts.count == 1)
        #expect(try await hall.hall.database.printJobs(state: .printed).map(\.number) == [first.label])
        #expect(Set(try await hall.hall.database.printJobs(state: .queued).map(\.number)) == Set(behind))
        #expect(await printer.unfinished == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aPrinterThatNeverTakesTheBytesDoesNotHoldTheShutdown() async throws {
        let (hall, printer, _, registry) = try await Self.jammedPrinterInARegistry()
        _ = await printer.submit([0x1B, 0x40], ticket: try await hall.issue().ticket)
        _ = await printer.submit([0x1B, 0x40], ticket: try await hall.issue().ticket)
        // Whether the first job had reached the printer or not, both are left for the next start.
        #expect(await registry.stopPrinting(within: .milliseconds(200)) == 2)
        #expect(try await hall.hall.database.printJobs(state: .queued).count == 2)
    }
}
