import Foundation
import NIOConcurrencyHelpers
import QueueCore

/// Where tickets are drawn and simulated printers decode and save their pages: one thread, in order, and for
/// `serve` at the idle OS priority (nice 10 and `SCHED_IDLE`). A printer mechanism takes about 1.4 tickets a
/// second, so this work gains nothing by competing with the kiosk's answers; under a rush the HTTP side gets the
/// cores first and the lane catches up after, while each job still runs as soon as a core is idle. (At nice 10
/// alone the lane still held a core for its slice whenever an HTTP thread woke: 20 kiosks issued 21 % fewer
/// tickets with the simulated printer on than with none.) Test processes keep the default (nice 0, no yielding): a
/// suite that saturates every core on purpose must not starve its own printers.
///
/// `SCHED_IDLE` alone was not enough on a virtual machine: a core the guest sees idle is not free on the host, and
/// a lane drawing in every gap slowed the issue path by a quarter. So the lane also yields at the application
/// level (`yieldsToIssuing`, set by `serve`): a job with others queued behind it — a rush — waits until no
/// ticket has been issued for `quietPeriod`, and at most `longestYield` after it was queued (a paper ticket is
/// never held longer than that). A lone job (one kiosk) never waits.
public final class PrintLane: @unchecked Sendable {
    /// The niceness the lane's thread takes when it starts; `serve` sets it before the first ticket.
    nonisolated(unsafe) public static var niceness: Int32 = 0
    /// Whether the shared lane holds queued jobs back while tickets are being issued; `serve` sets it.
    nonisolated(unsafe) public static var yieldsToIssuing = false

    /// The process's lane (one thread for every printer: their jobs are short and a hall has few printers).
    public static let shared = PrintLane(niceness: niceness, yieldsToIssuing: yieldsToIssuing)

    /// How long no ticket may have been issued before a queued job goes ahead in a rush.
    public let quietPeriod: Duration
    /// The longest a queued job yields to issuing, counted from when it was queued.
    public let longestYield: Duration
    let yields: Bool
    private let pending = NIOLockedValueBox<[@Sendable () -> Void]>([])
    private let signal = DispatchSemaphore(value: 0)
    private let rush = NIOLockedValueBox(Rush())

    /// Tickets being issued now, and when the last of them was done.
    struct Rush {
        var issuing = 0
        var lastDone: ContinuousClock.Instant?
    }

    init(
        niceness: Int32, yieldsToIssuing: Bool = false, quietPeriod: Duration = .milliseconds(20),
        longestYield: Duration = .seconds(10)
    ) {
        self.yields = yieldsToIssuing
        self.quietPeriod = quietPeriod
        self.longestYield = longestYield
        let pending = self.pending
        let signal = self.signal
        let thread = Thread {
            Thread.current.name = "khongcho-print"  // named from inside: Linux names the running thread only
            // Only this thread is lowered; the HTTP threads keep their priority.
            CPUPriority.nice(niceness)
            if niceness > 0 { CPUPriority.idle() }
            while true {
                signal.wait()
                let job = pending.withLockedValue { $0.removeFirst() }
                job()
            }
        }
        thread.start()
    }

    /// Marks `body` as issuing a ticket: queued print jobs wait for it (see the type's comment).
    public func issuing<Value>(_ body: () async throws -> Value) async rethrows -> Value {
        rush.withLockedValue { $0.issuing += 1 }
        defer {
            rush.withLockedValue { rush in
                rush.issuing -= 1
                rush.lastDone = .now
            }
        }
        return try await body()
    }

    /// Before a job that has `queuedBehind` others after it: waits while tickets are being issued, until none has
    /// been for `quietPeriod`, and no later than `longestYield` after `queuedAt`. Returns at once for a lone job, on a
    /// lane that does not yield, or when the task is cancelled.
    public func awaitQuiet(queuedAt: ContinuousClock.Instant, queuedBehind: Int) async {
        guard yields, queuedBehind > 0 else { return }
        while ContinuousClock.now < queuedAt + longestYield {
            let (issuing, lastDone) = rush.withLockedValue { ($0.issuing, $0.lastDone) }
            if issuing == 0, lastDone.map({ ContinuousClock.now - $0 >= quietPeriod }) ?? true { return }
            do { try await Task.sleep(for: .milliseconds(5)) } catch { return }
        }
    }

    /// Runs `body` on the lane and answers its result (or rethrows its error) to the caller.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            pending.withLockedValue { $0.append { continuation.resume(with: Result { try body() }) } }
            signal.signal()
        }
    }
}
