import Foundation
import GRDB
import NIOConcurrencyHelpers

/// What the store did, for metrics: each commit's duration (the WAL append and its fsync, measured from
/// SQLite's will-commit to did-commit on the one writer connection) and each print job recorded or ended.
public final class StoreActivity: Sendable {
    private let commitListeners = NIOLockedValueBox<[@Sendable (Duration) -> Void]>([])
    private let printJobListeners = NIOLockedValueBox<[@Sendable (String) -> Void]>([])
    private let commitStarted = NIOLockedValueBox<ContinuousClock.Instant?>(nil)

    init() {}

    /// Calls `listener` with the duration of every commit.
    public func onCommit(_ listener: @escaping @Sendable (Duration) -> Void) {
        commitListeners.withLockedValue { $0.append(listener) }
    }

    /// Calls `listener` with a print job's state each time one is stored (`queued`) or ends (`printed`, `failed`).
    public func onPrintJob(_ listener: @escaping @Sendable (String) -> Void) {
        printJobListeners.withLockedValue { $0.append(listener) }
    }

    func printJob(_ state: String) {
        for listener in printJobListeners.withLockedValue({ $0 }) { listener(state) }
    }

    func willCommit() { commitStarted.withLockedValue { $0 = .now } }

    func didCommit() {
        guard
            let started = commitStarted.withLockedValue({ value in
                defer { value = nil }
                return value
            })
        else { return }
        let duration = started.duration(to: .now)
        for listener in commitListeners.withLockedValue({ $0 }) { listener(duration) }
    }

    func rolledBack() { commitStarted.withLockedValue { $0 = nil } }
}

/// Times commits on the writer connection; observes no row change, so it costs nothing per statement.
final class CommitTimer: TransactionObserver {
    let activity: StoreActivity

    init(_ activity: StoreActivity) { self.activity = activity }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseWillCommit() throws { activity.willCommit() }
    func databaseDidCommit(_ db: Database) { activity.didCommit() }
    func databaseDidRollback(_ db: Database) { activity.rolledBack() }
}
