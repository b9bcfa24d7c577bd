import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One thread, below the server's scheduling priority, for the CPU-heavy part of printing: drawing a ticket and
/// the simulated printer's decode and PNG. Print jobs run behind the kiosk's answer anyway (a mechanism takes
/// ~0.7 s a ticket); on a 2-core box they must not take a core from the requests. On Linux the thread's nice
/// value is raised to 10 (no privilege needed), so the scheduler gives the request threads the CPU first.
/// (A Dispatch queue would not do: its blocks may run on any worker thread, so the nice value would not stay put.)
public enum BackgroundRendering {
    private static let thread = RenderingThread()

    /// Runs `work` on the rendering thread and returns (or throws) what it did.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            thread.submit { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// A thread that runs submitted closures one at a time, in order.
final class RenderingThread: @unchecked Sendable {
    // Guarded by `condition` (a pthread mutex + condition variable, which ThreadSanitizer understands).
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    init() {
        let thread = Thread { [self] in loop() }
        thread.name = "khongcho.rendering"
        thread.start()
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        #if canImport(Glibc)
            // On Linux the nice value belongs to the thread, and `who == 0` means the calling thread (setpriority(2),
            // BUGS), so this lowers only the rendering thread. Raising one's own nice value needs no privilege;
            // were it refused, rendering would keep normal priority, which costs speed, not correctness.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
