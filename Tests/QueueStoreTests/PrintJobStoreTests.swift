import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Print jobs in the store")
struct PrintJobStoreTests {
    /// A crash between "queued" and the printer's answer leaves the job queued; the next start marks it
    /// failed, so the supervisor sees the ticket to reprint instead of a job waiting for ever.
    @Test func jobsACrashLeftQueuedAreMarkedFailedAtStart() async throws {
        let hall = try await TestHall()
        let first = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        let second = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        let printed = try await hall.database.addPrintJob(ticket: first.ticket.id, printer: "p", at: hall.clock.now())
        try await hall.database.finishPrintJob(printed, state: .printed, error: nil, at: hall.clock.now())
        _ = try await hall.database.addPrintJob(ticket: second.ticket.id, printer: "p", at: hall.clock.now())

        #expect(try await hall.database.failInterruptedPrintJobs(at: hall.clock.now()) == [second.ticket.label])
        let failed = try await hall.database.printJobs(state: .failed)
        #expect(failed.map(\.number) == [second.ticket.label])
        #expect(failed.first?.error == "Máy điều khiển khởi động lại trước khi in xong / The controller restarted before the job finished")
        #expect(try await hall.database.printJobs(state: .printed).map(\.number) == [first.ticket.label])
        #expect(try await hall.database.failInterruptedPrintJobs(at: hall.clock.now()).isEmpty)
    }

    @Test func theLatestJobAndTheCountAreThoseOfTheTicket() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(try await hall.database.latestPrintJob(ticket: issued.ticket.id) == nil)
        let failed = try await hall.database.addPrintJob(ticket: issued.ticket.id, printer: "p", at: hall.clock.now())
        try await hall.database.finishPrintJob(failed, state: .failed, error: "Máy in hết giấy / Out of paper", at: hall.clock.now())
        _ = try await hall.database.addPrintJob(ticket: issued.ticket.id, printer: "p", at: hall.clock.now())
        let latest = try #require(try await hall.database.latestPrintJob(ticket: issued.ticket.id))
        #expect(latest.state == .queued)
        #expect(latest.number == issued.ticket.label)
        #expect(try await hall.database.printJobCount(ticket: issued.ticket.id) == 2)
    }
}
