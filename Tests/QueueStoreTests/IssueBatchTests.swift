import Foundation
import KioskTesting
import NIOConcurrencyHelpers
import QueueCore
import QueueStore
import Testing

@Suite("Tickets asked for together share a commit")
struct IssueBatchTests {
    /// 60 kiosks at once, 10 of them asking for a field that does not exist: the 50 others get every number once,
    /// in order per field, their events arrive in commit order, the 10 get their own error, and fewer commits than
    /// tickets were needed (a commit carries every ticket that arrived while the previous one was written).
    @Test func concurrentTicketsAreGroupedAndAFailedOneIsRolledBackAlone() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(directory: directory)
        try database.seedCatalogIfEmpty(CatalogBuilder.small())
        let commits = NIOLockedValueBox(0)
        database.activity.onCommit { _ in commits.withLockedValue { $0 += 1 } }
        let delivered = NIOLockedValueBox<[Int64]>([])
        database.onCommittedEvents { events in delivered.withLockedValue { $0 += events.map(\.id) } }
        let now = ManualClock.vietnamDate("2026-03-02 08:00")
        let fields = (0..<60).map { $0 % 6 == 5 ? "dau-tu" : ($0 % 2 == 0 ? "dat-dai" : "ho-tich") }

        let outcomes = await withTaskGroup(of: Result<String, QueueError>.self) { group in
            for field in fields {
                group.addTask {
                    do {
                        return .success(try await database.issueTicket(field: field, priority: .none, source: nil, at: now).ticket.label)
                    } catch let error as QueueError {
                        return .failure(error)
                    } catch {
                        return .failure(.unknownTicket("\(error)"))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let labels = outcomes.compactMap { try? $0.get() }.sorted()
        let errors = outcomes.compactMap { outcome -> QueueError? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        let land = fields.filter { $0 == "dat-dai" }.count
        let civil = fields.filter { $0 == "ho-tich" }.count
        #expect(
            labels == (1...land).map { TicketLabel.make(prefix: "A", number: $0) }
                + (1...civil).map { TicketLabel.make(prefix: "B", number: $0) })
        #expect(errors == Array(repeating: QueueError.unknownField("dau-tu"), count: 10))
        let events = delivered.withLockedValue { $0 }
        #expect(events == Array(1...Int64(labels.count)))
        #expect(try await database.lastEventID() == Int64(labels.count))
        #expect(commits.withLockedValue { $0 } < labels.count)
    }
}
