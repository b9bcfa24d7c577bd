import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Queue lengths kept by triggers")
struct WaitingCountTests {
    /// After a seeded random mix of issues, calls, transfers, cancels and no-shows, the trigger-kept counts
    /// equal a plain count of waiting tickets.
    @Test(arguments: [1, 2, 3])
    func countsMatchTheTickets(seed: UInt64) async throws {
        let hall = try await TestHall()
        var random = SeededGenerator(seed: seed)
        let priorities = Priority.allCases
        for _ in 0..<200 {
            let roll = Int.random(in: 0..<10, using: &random)
            let counter = Int.random(in: 1...2, using: &random)
            let actor = hall.staff(counter)
            switch roll {
            case 0..<4:
                let field = Bool.random(using: &random) ? "dat-dai" : "ho-tich"
                let priority = priorities.randomElement(using: &random) ?? .none
                _ = try await hall.database.issueTicket(field: field, priority: priority, source: nil, at: hall.clock.now())
            case 4..<6:
                _ = try? await hall.database.callNext(counter: counter, by: actor, at: hall.clock.now())
            default:
                let current = try await hall.database.counters().first { $0.number == counter }?.current
                guard let id = current?.id else { continue }
                let actions: [TicketAction] = [.transfer(toField: "ho-tich"), .noShow, .cancel, .done(.returned)]
                _ = try? await hall.database.apply(actions[roll - 6], ticket: id, by: actor, at: hall.clock.now())
            }
        }
        let kept = try await hall.database.fieldQueues(at: hall.clock.now()).map(\.waiting)
        let counted = try await hall.database.writer.read { db in
            try ["dat-dai", "ho-tich"].map { field in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket WHERE state = 'waiting' AND field = ?", arguments: [field]) ?? -1
            }
        }
        #expect(kept == counted)
        #expect(kept.reduce(0, +) > 0)
    }
}

/// SplitMix64: a small deterministic generator so a failing mix can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
