import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps long statements — a backup's copy and its `integrity_check`, which read every page — to a share of one
/// core, so `khongcho backup` run beside `serve` on a 2-core box does not take the hall's cores for seconds on end.
/// SQLite calls the progress handler every 1,000 virtual-machine steps; after `work` of running, the statement
/// sleeps for `rest`. The statement's result is the same; it only takes longer (nice and `SCHED_IDLE` alone did
/// not do it on a virtual machine, where a core the guest sees idle is not free on the host).
public final class StatementPacing: @unchecked Sendable {
    public let work: Duration
    public let rest: Duration
    /// Only SQLite's callback on the one connection that installed it touches these (one statement at a time).
    private var since = ContinuousClock.now
    /// How many times the statements rested.
    public private(set) var rests = 0

    public init(work: Duration = .milliseconds(10), rest: Duration = .milliseconds(6)) {
        self.work = work
        self.rest = rest
    }

    /// Paces every statement of `db` from now on, for as long as this object lives (the caller keeps it).
    func install(on db: Database) {
        since = .now
        sqlite3_progress_handler(
            db.sqliteConnection, 1000,
            { context in
                guard let context else { return 0 }
                Unmanaged<StatementPacing>.fromOpaque(context).takeUnretainedValue().step()
                return 0  // never interrupts: pacing only delays
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    func step() {
        guard ContinuousClock.now - since >= work else { return }
        let (seconds, attoseconds) = rest.components
        var pause = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        _ = nanosleep(&pause, nil)
        rests += 1
        since = .now
    }
}
