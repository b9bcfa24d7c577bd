import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Ticket numbers")
struct AllocationTests {
    @Test func numbersArePerFieldAndSequential() async throws {
        let hall = try await TestHall()
        var labels: [String] = []
        for field in ["dat-dai", "dat-dai", "ho-tich", "dat-dai", "ho-tich"] {
            labels.append(
                try await hall.database.issueTicket(field: field, priority: .none, source: nil, at: hall.clock.now()).ticket.label)
        }
        #expect(labels == ["A001", "A002", "B001", "A003", "B002"])
    }

    @Test func numbersRestartEachServiceDayAndOldOnesAreNotCalled() async throws {
        let hall = try await TestHall(start: "2026-03-02 16:50")
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        hall.clock.set(ManualClock.vietnamDate("2026-03-03 07:31"))
        let next = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(next.ticket.label == "A001")
        #expect(next.ticket.serviceDay == "2026-03-03")
        #expect(next.ahead == 0)
        let called = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        #expect(called?.ticket.id == next.ticket.id)
    }

    @Test func issuingAnUnknownFieldChangesNothing() async throws {
        let hall = try await TestHall()
        await #expect(throws: QueueError.unknownField("dau-tu")) {
            try await hall.database.issueTicket(field: "dau-tu", priority: .none, source: nil, at: hall.clock.now())
        }
        #expect(try await hall.database.lastEventID() == 0)
        let next = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(next.ticket.label == "A001")
    }

    @Test func issueReportsPeopleAheadAndEstimate() async throws {
        let hall = try await TestHall()
        for _ in 0..<4 { _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()) }
        let fifth = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(fifth.ahead == 4)
        // Two free counters serve land, default 6 minutes each: (5 − 2 − ½) × 6 / 2 = 7.5 → 8.
        #expect(fifth.estimatedWaitMinutes == 8)
        let elderly = try await hall.database.issueTicket(field: "dat-dai", priority: .elderly, source: nil, at: hall.clock.now())
        #expect(elderly.ahead == 0)
    }

    /// Many tasks issuing and calling at once on a WAL pool: every ticket is called exactly once.
    @Test func concurrentCallersNeverGetTheSameTicket() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(directory: directory)
        try database.seedCatalogIfEmpty(CatalogBuilder.small())
        let now = ManualClock.vietnamDate("2026-03-02 08:00")
        for index in 0..<60 {
            _ = try await database.issueTicket(
                field: index.isMultiple(of: 2) ? "dat-dai" : "ho-tich", priority: .none, source: nil, at: now)
        }
        let called = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for counter in [1, 2] {
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [Int64] = []
                        let actor = StaffActor(username: "s\(counter)-\(worker)", counter: nil)
                        while true {
                            do {
                                guard let event = try await database.callNext(counter: counter, by: actor, at: now) else { break }
                                mine.append(event.ticket.id)
                                _ = try await database.apply(.done(.returned), ticket: event.ticket.id, by: actor, at: now)
                            } catch let error as QueueError where error.code == .counterBusy || error.code == .notYourCounter {
                                await Task.yield()
                            }
                        }
                        return mine
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(called.count == 60)
        #expect(Set(called).count == 60)
    }
}
