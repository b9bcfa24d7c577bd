import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// Where tickets are drawn and simulated printers decode and save their pages: one thread, in order, and for
/// `serve` at the idle OS priority (nice 10 and `SCHED_IDLE`). A printer mechanism takes about 1.4 tickets a
/// second, so this work gains nothing by competing with the kiosk's answers; under a rush the HTTP side gets the
/// cores first and the lane catches up after, while each job still runs as soon as a core is idle. (At nice 10
/// alone the lane still held a core for its slice whenever an HTTP thread woke: 20 kiosks issued 21 % fewer
/// tickets with the simulated printer on than with none; under `SCHED_IDLE` the two are the same.) Test processes keep the default
/// (nice 0): a suite that saturates every core on purpose must not starve its own printers.
public final class PrintLane: @unchecked Sendable {
    /// The niceness the lane's thread takes when it starts; `serve` sets it before the first ticket.
    nonisolated(unsafe) public static var niceness: Int32 = 0

    /// The process's lane (one thread for every printer: their jobs are short and a hall has few printers).
    public static let shared = PrintLane(niceness: niceness)

    private let pending = NIOLockedValueBox<[@Sendable () -> Void]>([])
    private let signal = DispatchSemaphore(value: 0)

    init(niceness: Int32) {
        let pending = self.pending
        let signal = self.signal
        let thread = Thread {
            Thread.current.name = "khongcho-print"  // named from inside: Linux names the running thread only
            #if os(Linux)
                // On Linux the nice value is per thread and `who == 0` is the calling thread: only this one is lowered
                // (which any user may do); the HTTP threads keep theirs.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                if niceness > 0 {
                    // SCHED_IDLE (5): the thread runs only on a core nothing else wants, and a waking HTTP thread
                    // takes the core at once (a nice-10 thread still holds it for its slice).
                    var none = sched_param(sched_priority: 0)
                    _ = sched_setscheduler(0, 5, &none)
                }
            #endif
            while true {
                signal.wait()
                let job = pending.withLockedValue { $0.removeFirst() }
                job()
            }
        }
        thread.start()
    }

    /// Runs `body` on the lane and answers its result (or rethrows its error) to the caller.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            pending.withLockedValue { $0.append { continuation.resume(with: Result { try body() }) } }
            signal.signal()
        }
    }
}
