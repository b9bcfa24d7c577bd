import Foundation
import QueueCore

/// Hands batches of ticket rows from the thread reading SQLite to a thread adding them up, so a big report uses both
/// cores of a small server: reading and decoding rows is about two thirds of a year report's work, counting
/// them the rest. Bounded (a few batches in flight) so memory stays flat however long the period.
final class ReportQueryPipe: @unchecked Sendable {
    static let batchSize = 8_192
    private static let capacity = 4

    private let condition = NSCondition()
    private var batches: [[ReportQueryRawTicket]] = []
    private var closed = false
    private var accumulator: ReportAccumulator
    private var estimates = ReportEstimateTally()
    private let done = DispatchSemaphore(value: 0)

    /// Starts the counting thread, which owns `accumulator` (and the estimate sums) until `finish()` hands them back.
    init(_ accumulator: ReportAccumulator) {
        self.accumulator = accumulator
        let thread = Thread { [self] in
            var day = DayKey(year: 1970, month: 1, day: 1) ?? DayKey(Date(timeIntervalSince1970: 0))
            var dayStart: Int64 = 1
            var dayEnd: Int64 = 0
            while let batch = next() {
                for row in batch {
                    // Rows come mostly day by day: recompute the civil day only when the issue time leaves it.
                    if row.issued < dayStart || row.issued >= dayEnd {
                        day = DayKey(Millis.date(row.issued))
                        dayStart = Millis.of(day.date(atMinute: 0))
                        dayEnd = dayStart + 86_400_000
                    }
                    self.accumulator.add(row.ticket(day: day))
                    if let called = row.firstCalled, let estimate = row.estimateMinutes {
                        let actual = Double(called - row.issued) / 1000
                        self.estimates.add(field: row.field, errorSeconds: Double(estimate * 60) - actual)
                    }
                }
            }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a batch, waiting while the counting thread is `capacity` batches behind.
    func send(_ batch: [ReportQueryRawTicket]) {
        condition.lock()
        while batches.count >= Self.capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the pipe, waits until every batch is counted and returns the accumulator. Call exactly once, also
    /// when reading failed, so the thread never waits forever.
    func finish() -> (ReportAccumulator, ReportEstimateTally) {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return (accumulator, estimates)
    }

    private func next() -> [ReportQueryRawTicket]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
