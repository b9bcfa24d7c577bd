import Foundation
import QueueCore
import Testing

@Suite("Priority rule")
struct PriorityRuleTests {
    let base = Date(timeIntervalSince1970: 1_772_000_000)

    func ticket(_ id: Int64, _ priority: Priority, minute: Double) -> WaitingTicket {
        WaitingTicket(id: id, priority: priority, issuedAt: base.addingTimeInterval(minute * 60))
    }

    @Test func priorityGoesFirstEvenWhenIssuedLater() {
        let waiting = [ticket(1, .none, minute: 0), ticket(2, .elderly, minute: 5)]
        let choice = PriorityRule().pick(from: waiting, priorityStreak: 0)
        #expect(choice?.ticket.id == 2)
        #expect(choice?.priorityStreak == 1)
    }

    @Test func oldestFirstWithinAClass() {
        let waiting = [ticket(3, .none, minute: 2), ticket(1, .none, minute: 1), ticket(2, .none, minute: 1)]
        #expect(PriorityRule().pick(from: waiting, priorityStreak: 0)?.ticket.id == 1)
    }

    @Test func afterTheStreakLimitANormalTicketIsCalled() {
        let waiting = [ticket(1, .none, minute: 0), ticket(2, .pregnant, minute: 1)]
        let choice = PriorityRule(maxConsecutivePriority: 2).pick(from: waiting, priorityStreak: 2)
        #expect(choice?.ticket.id == 1)
        #expect(choice?.priorityStreak == 0)
    }

    @Test func priorityKeepsGoingWhenNoNormalTicketWaits() {
        let waiting = [ticket(2, .disabled, minute: 1)]
        #expect(PriorityRule(maxConsecutivePriority: 2).pick(from: waiting, priorityStreak: 7)?.ticket.id == 2)
    }

    @Test func emptyQueueCallsNobody() {
        #expect(PriorityRule().pick(from: [], priorityStreak: 0) == nil)
    }

    /// A normal ticket facing an endless stream of priority arrivals is called within limit + 1 calls.
    @Test(arguments: [1, 2, 3])
    func normalTicketsDoNotStarve(limit: Int) {
        let rule = PriorityRule(maxConsecutivePriority: limit)
        var waiting = [ticket(0, .none, minute: 0)]
        var streak = 0
        var calls = 0
        var nextID: Int64 = 1
        while waiting.contains(where: { $0.id == 0 }) {
            waiting.append(ticket(nextID, .merit, minute: Double(nextID)))
            nextID += 1
            guard let choice = rule.pick(from: waiting, priorityStreak: streak) else { break }
            waiting.removeAll { $0.id == choice.ticket.id }
            streak = choice.priorityStreak
            calls += 1
            #expect(calls <= limit + 1)
        }
        #expect(calls == limit + 1)
    }
}
