import NIOConcurrencyHelpers

/// Open connections per client address, shared by every event loop: the per-client cap of `ConnectionLimits`.
final class ConnectionCounter: Sendable {
    private let open = NIOLockedValueBox<[String: Int]>([:])
    let maxPerClient: Int

    init(maxPerClient: Int) {
        self.maxPerClient = maxPerClient
    }

    /// Counts one more connection from `address` and returns true, or returns false (counting nothing) when the
    /// address already holds `maxPerClient`.
    func admit(_ address: String) -> Bool {
        open.withLockedValue { open in
            let count = open[address, default: 0]
            guard maxPerClient <= 0 || count < maxPerClient else { return false }
            open[address] = count + 1
            return true
        }
    }

    /// A connection admitted for `address` closed.
    func release(_ address: String) {
        open.withLockedValue { open in
            guard let count = open[address] else { return }
            open[address] = count > 1 ? count - 1 : nil
        }
    }

    /// Connections open now from `address` (for tests and logs).
    func count(_ address: String) -> Int { open.withLockedValue { $0[address, default: 0] } }
}
