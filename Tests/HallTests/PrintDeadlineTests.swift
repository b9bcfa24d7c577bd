import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import QueueCore
import QueueStore
import Simulators
import Testing

/// A printer that looks online but never takes the bytes (a jammed mechanism, a full buffer) must not hold
/// the kiosk: each ticket answers within the deadline, a ticket behind an unfinished job answers `queued` at
/// once, and every job ends recorded, printed or failed with its reason.
@Suite("Printing never blocks the kiosk")
struct PrintDeadlineTests {
    /// A printer hooked up to `hall` whose writes stall until released, or time out after `writeTimeout`.
    static func stalledPrinter(_ hall: PrintingHall, writeTimeout: Duration, answer: Duration) -> (TicketPrinter, VirtualPrinterPort) {
        let port = VirtualPrinterPort(id: "jammed", profile: hall.port.profile, directory: nil, writeTimeout: writeTimeout)
        port.sensors.takesBytes = false
        let alerts = hall.alerts
        let printer = TicketPrinter(
            port: port, database: hall.hall.database, clock: hall.hall.clock,
            deadlines: PrintDeadlines(answer: answer, status: .seconds(120))
        ) { alerts.append($0) }
        return (printer, port)
    }

    // Without a working deadline the first submit waits for a write that never ends, and the limit fails it.
    @Test(.timeLimit(.minutes(1)))
    func aStalledPrinterAnswersQueuedAndTheNextTicketDoesNotWait() async throws {
        let hall = try await PrintingHall()
        let (printer, port) = Self.stalledPrinter(hall, writeTimeout: .seconds(3600), answer: .milliseconds(200))
        var outcomes: [PrintOutcome] = []
        var labels: [String] = []
        for _ in 0..<5 {
            let request = try await hall.issue()
            labels.append(request.ticket.label)
            outcomes.append(await printer.submit([0x1B, 0x40], ticket: request.ticket))
        }
        #expect(outcomes.map(\.status) == [.queued, .queued, .queued, .queued, .queued])
        #expect(
            outcomes[0].message == "Máy in chưa nhận xong phiếu, phiếu sẽ ra khi máy in sẵn sàng / The printer has not taken the ticket yet"
        )
        #expect(outcomes[1].message == "Đang chờ in sau 1 phiếu trước / Waiting behind 1 earlier ticket(s)")
        #expect(outcomes[4].message == "Đang chờ in sau 4 phiếu trước / Waiting behind 4 earlier ticket(s)")
        #expect(await printer.unfinished == 5)
        // Every job is stored the moment it is submitted, so a crash now leaves five records.
        try await Self.waitFor { try await hall.hall.database.printJobs(state: .queued).count == 5 }

        port.sensors.takesBytes = true
        await printer.drained()
        #expect(await printer.unfinished == 0)
        #expect(port.printouts.count == 5)
        #expect(try await hall.hall.database.printJobs(state: .printed).map(\.number) == labels.reversed())
        #expect(try await hall.hall.database.printJobs(state: .queued).isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func aWriteThatTimesOutIsAFailedJobWithItsReasonAndAnAlert() async throws {
        let hall = try await PrintingHall()
        let (printer, _) = Self.stalledPrinter(hall, writeTimeout: .milliseconds(100), answer: .seconds(120))
        let request = try await hall.issue()
        let outcome = await printer.submit([0x1B, 0x40], ticket: request.ticket)
        #expect(outcome.status == .failed)
        #expect(outcome.message == "Không in được: máy in không nhận dữ liệu sau 0.1 giây (hết thời gian chờ)")
        let failed = try await hall.hall.database.printJobs(state: .failed)
        #expect(failed.map(\.number) == [request.ticket.label])
        #expect(
            failed.first?.error
                == "Không in được: máy in không nhận dữ liệu sau 0.1 giây (hết thời gian chờ) / Printing failed: the printer took no bytes in 0.1 s (timeout)"
        )
        #expect(hall.alerts.all.map(\.number) == [request.ticket.label])
    }

    /// `sensors.json` beside the printed PNGs sets the simulated printer's sensors while the server runs.
    @Test func theSensorFileSetsTheSimulatedPrinter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sensors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let hall = try await PrintingHall()
        let port = VirtualPrinterPort(id: "file", profile: hall.port.profile, directory: directory)
        #expect(try await port.status()?.canPrint == true)
        try Data(#"{"paperOut": true}"#.utf8).write(to: directory.appendingPathComponent("sensors.json"))
        #expect(try await port.status()?.paperOut == true)
        try Data("paper".utf8).write(to: directory.appendingPathComponent("sensors.json"))
        await #expect(throws: VirtualPrinterSensorFileError.self) { try await port.status() }
    }

    static func waitFor(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<500 where try await !condition() {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await condition())
    }
}
