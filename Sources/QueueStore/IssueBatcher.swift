import Foundation
import NIOConcurrencyHelpers
import QueueCore

/// One ticket a kiosk asked for.
struct IssueOrder: Sendable {
    var field: String
    var priority: Priority
    var source: String?
    var at: Date
    var printer: String?
    /// The citizen a scanned ID card named at the kiosk.
    var citizen: CitizenTag? = nil
}

/// Group commit for ticket issue. Every ticket must be durable (fsync) before its number is shown, and the
/// single writer makes those commits one after another; so the tickets that arrive while a commit is under way
/// wait together and go into the next transaction, each in its own savepoint: one fsync for all of them, and one
/// ticket's error (an unknown field) rolls back that ticket alone. With one kiosk there is nothing to group and
/// a ticket costs one transaction as before; at 20 busy clients this is what lets issue keep up with the hall.
final class IssueBatcher: Sendable {
    typealias Waiter = CheckedContinuation<IssuedTicket, any Error>
    typealias Write = @Sendable ([IssueOrder]) async throws -> [Result<IssuedTicket, any Error>]

    private struct State {
        var pending: [(order: IssueOrder, waiter: Waiter)] = []
        var writing = false
    }

    private let state = NIOLockedValueBox(State())

    /// Queues `order` for the next transaction and waits until it is committed (or failed).
    func issue(_ order: IssueOrder, write: @escaping Write) async throws -> IssuedTicket {
        try await withCheckedThrowingContinuation { waiter in
            let leads = state.withLockedValue { state in
                state.pending.append((order, waiter))
                defer { state.writing = true }
                return !state.writing
            }
            if leads { Task { await self.drain(write) } }
        }
    }

    /// Writes batch after batch until no order waits; every waiter is resumed exactly once.
    private func drain(_ write: Write) async {
        while true {
            let batch = state.withLockedValue { state in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let results = try await write(batch.map(\.order))
                for (entry, result) in zip(batch, results) { entry.waiter.resume(with: result) }
            } catch {
                for entry in batch { entry.waiter.resume(throwing: error) }
            }
        }
    }
}
