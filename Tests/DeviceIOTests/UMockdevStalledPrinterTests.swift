import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// A printer that enumerates, answers status and accepts the claim, but never completes a print-data bulk
/// write: the real USB path (libusb's 5 s bulk timeout) behind the real print queue. The kiosk's answers must
/// not wait for it; e2e/test_usb_umockdev.py checks the timings and what the printer got.
extension UMockdevScenarioTests {
    struct StalledAnswer: Codable {
        var number: String
        var status: String
        var message: String?
        var seconds: Double
    }

    struct StalledReport: Codable {
        var answers: [StalledAnswer]
        var failedJobs: [String]
        var errors: [String]
        var secondsUntilAllFailed: Double
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("stalled")))
    func stalledPrinterNeverHoldsTheKiosk() async throws {
        let context = try USBContext()
        let device = try #require(try await context.devices().first(where: UMockdevScenario.isEmulatedPrinter))
        let connection = try await USBPrinterConnection.open(device, in: context)
        let port = USBPrinterPort(id: "usb-stalled", profile: profiles[0], connection: connection)
        let hall = try await TestHall()
        let printer = TicketPrinter(port: port, database: hall.database, clock: hall.clock) { _ in }
        let started = ContinuousClock.now
        var answers: [StalledAnswer] = []
        for _ in 0..<3 {
            let issued = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
            let asked = ContinuousClock.now
            let outcome = await printer.submit(UMockdevScenario.ticket(rasterRows: 20, number: issued.ticket.label), ticket: issued.ticket)
            answers.append(
                StalledAnswer(
                    number: issued.ticket.label, status: outcome.status.rawValue, message: outcome.message,
                    seconds: Self.seconds(ContinuousClock.now - asked)))
        }
        await printer.drained()
        let failed = try await hall.database.printJobs(state: .failed)
        let report = StalledReport(
            answers: answers, failedJobs: failed.map(\.number).reversed(), errors: failed.compactMap(\.error),
            secondsUntilAllFailed: Self.seconds(ContinuousClock.now - started))
        try UMockdevScenario.write("stalled.json", Array(try JSONEncoder().encode(report)))
        await connection.close()
        try UMockdevScenario.write("done")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
