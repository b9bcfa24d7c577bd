/// Runs `operation` but gives up waiting after `limit`, returning nil (the operation keeps running).
/// The kiosk must answer promptly even when a printer hangs.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        let work = Task { await operation() }
        group.addTask { await work.value }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
