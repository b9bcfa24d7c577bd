import Foundation
import GRDB
import Hall
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Testing

@Suite("Report warm-up")
struct ReportWarmerTests {
    /// On 2026-03-02 the reporting year 2026 runs from 2025-12-15: its 77 closed days (to 2026-03-01) get stored
    /// tallies, today does not.
    @Test func theCurrentReportingYearsClosedDaysAreStored() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try await ReportWarmer(database: hall.database, targets: TargetsBook(), clock: hall.clock, logger: Logger(label: "test")).warm()
        let days = try await hall.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT serviceDay FROM reportDay ORDER BY serviceDay")
        }
        #expect(days.first == "2025-12-15")
        #expect(days.last == "2026-03-01")
        #expect(days.count == 77)
    }
}
