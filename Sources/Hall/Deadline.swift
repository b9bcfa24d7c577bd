import NIOConcurrencyHelpers

/// Runs `operation` but stops waiting for it after `limit`, returning nil; the operation itself goes on.
///
/// The kiosk must answer promptly even when a printer hangs. A task group cannot do this: it waits for
/// every child before it returns, and a child awaiting uncancellable work (a USB write) holds it to the end.
/// Here the first of the two to finish resumes the caller, and the other finds the answer already given.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    let answer = FirstAnswer<T?>()
    return await withCheckedContinuation { continuation in
        answer.wait(continuation)
        let timer = Task {
            // Cancelled only when the work answered first; then the answer is already given.
            try? await Task.sleep(for: limit)
            answer.give(nil)
        }
        Task {
            let value = await operation()
            timer.cancel()
            answer.give(value)
        }
    }
}

/// A continuation resumed once, by whichever side gives an answer first.
final class FirstAnswer<T: Sendable>: Sendable {
    private let continuation = NIOLockedValueBox<CheckedContinuation<T, Never>?>(nil)

    func wait(_ continuation: CheckedContinuation<T, Never>) {
        self.continuation.withLockedValue { $0 = continuation }
    }

    func give(_ value: T) {
        let waiting = continuation.withLockedValue { stored in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: value)
    }
}
