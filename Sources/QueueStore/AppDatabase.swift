public import Foundation
public import GRDB
import NIOConcurrencyHelpers
public import QueueCore

/// The store: SQLite through GRDB over any `DatabaseWriter` — a WAL pool on disk, an in-memory queue in tests.
///
/// Every ticket change appends an event and updates the current-state tables in one transaction; committed
/// events are handed to `eventSink` in commit order, on the writer's queue, so listeners never see a gap.
public final class AppDatabase: Sendable {
    private let connections: NIOLockedValueBox<any DatabaseWriter>
    private let isClosed = NIOLockedValueBox(false)
    public let priorityRule: PriorityRule
    public let estimator: WaitEstimator
    let eventSink: EventSink
    /// Tickets asked for together share one commit.
    let issueBatcher = IssueBatcher()
    /// The file on disk, watched for deletion and replacement; nil for an in-memory store.
    let file: StoreFile?
    /// Commit durations and print jobs, for metrics.
    public let activity = StoreActivity()
    /// Whether `serve` checkpoints in the background, and the connection that does it (see `WALCheckpointer`).
    let checkpoints = NIOLockedValueBox<(on: Bool, checkpointer: WALCheckpointer?)>((false, nil))

    public convenience init(
        _ writer: any DatabaseWriter, priorityRule: PriorityRule = PriorityRule(),
        estimator: WaitEstimator = WaitEstimator()
    ) throws {
        try self.init(writer, priorityRule: priorityRule, estimator: estimator, file: nil)
    }

    init(_ writer: any DatabaseWriter, priorityRule: PriorityRule, estimator: WaitEstimator, file: StoreFile?) throws {
        connections = NIOLockedValueBox(writer)
        self.priorityRule = priorityRule
        self.estimator = estimator
        self.eventSink = EventSink()
        self.file = file
        try Self.checkSchema(writer)
        try Migrations.migrator.migrate(writer)
        writer.add(transactionObserver: CommitTimer(activity), extent: .databaseLifetime)
    }

    /// The connections to use now. They change when the file is put back after a deletion or replacement; once the
    /// file is lost for good every access throws `StoreError.fileLost` (503), so nothing is written into a file
    /// that no longer has a name.
    public var writer: any DatabaseWriter {
        get throws {
            if let halted = file?.halted { throw halted }
            // A closed GRDB connection must never be touched again (it can crash): refuse before reaching it.
            if isClosed.withLockedValue({ $0 }) { throw StoreError.closed }
            return currentWriter
        }
    }

    var currentWriter: any DatabaseWriter { connections.withLockedValue { $0 } }

    var isClosedNow: Bool { isClosed.withLockedValue { $0 } }

    func replaceWriter(_ writer: any DatabaseWriter) throws {
        writer.add(transactionObserver: CommitTimer(activity), extent: .databaseLifetime)
        connections.withLockedValue { $0 = writer }
        try reopenCheckpointer()
    }

    /// Checks that the database file is still the one opened (deleted or replaced files are put back from the
    /// open connection); the hall calls this every 2 s, ticket issuing before each ticket.
    public func verifyFile() async {
        await file?.verify(self)
    }

    /// One trivial read: throws the store's failure (lost file, I/O error) when it cannot answer (health check).
    public func ping() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// Checkpoints the WAL into the database file and truncates it, then closes every connection: what a graceful
    /// shutdown leaves is one self-contained file. Every later access throws.
    public func close() throws {
        let writer = try self.writer
        isClosed.withLockedValue { $0 = true }
        try closeCheckpointer()
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try writer.close()
    }

    /// Calls `listener` when the database file was put back, or lost for good (the hall raises an alert).
    public func onFileNotice(_ listener: @escaping @Sendable (StoreFileNotice) -> Void) {
        file?.onNotice(listener)
    }

    /// Calls `listener` with every committed batch of events, in order.
    public func onCommittedEvents(_ listener: @escaping @Sendable ([PublishedEvent]) -> Void) {
        eventSink.add(listener)
    }

    static func checkSchema(_ writer: any DatabaseWriter) throws {
        let superseded = try writer.read { db in try Migrations.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError(
                .newerSchema, "Cơ sở dữ liệu được tạo bởi phiên bản KhôngChờ mới hơn; hãy cài phiên bản mới hơn (không có gì bị thay đổi).",
                "The database was written by a newer KhôngChờ: install that version (nothing was changed).")
        }
    }
}

extension AppDatabase {
    /// Opens (or creates) the durable store in `directory`: WAL, `synchronous=FULL`, foreign keys on. With
    /// `checkIntegrity` (what `serve` does) an existing file must also pass `PRAGMA quick_check` first.
    public static func open(
        directory: URL, priorityRule: PriorityRule = PriorityRule(), checkIntegrity: Bool = false
    ) throws -> AppDatabase {
        let path = directory.appendingPathComponent(StoreFile.name).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try StoreFile.refuseIfLost(directory: directory)
            try preflight(path, checkIntegrity: checkIntegrity)
            let pool = try DatabasePool(path: path, configuration: durableConfiguration())
            return try AppDatabase(pool, priorityRule: priorityRule, estimator: WaitEstimator(), file: StoreFile(directory: directory))
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw StoreError.corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError
            where [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode)
        {
            throw StoreError.cannotWrite(directory: directory.path, detail: "\(error)")
        } catch let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteVolumeReadOnly {
            throw StoreError.cannotWrite(directory: directory.path, detail: "\(error)")
        }
    }

    /// Checks an existing file through a read-only connection first: opening a WAL pool writes to the file
    /// (GRDB creates and drops a table to set WAL up), and a corrupt or newer store must be left byte-identical.
    static func preflight(_ path: String, checkIntegrity: Bool) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let queue = try readOnlyQueue(path)
        defer { try? queue.close() }
        try checkSchema(queue)
        if checkIntegrity {
            let problems = try quickCheck(queue)
            if !problems.isEmpty { throw StoreError.corrupt(path: path, detail: problems.prefix(5).joined(separator: "; ")) }
        }
    }

    /// `PRAGMA quick_check` of the file at `path` through a read-only connection: the problems found, none when
    /// sound. O(file size); `khongcho report-bench` times it on a 1M-ticket store.
    public static func quickCheck(path: String) throws -> [String] {
        let queue = try readOnlyQueue(path)
        defer { try? queue.close() }
        return try quickCheck(queue)
    }

    static func quickCheck(_ queue: DatabaseQueue) throws -> [String] {
        do {
            // Outside a transaction: a damaged file can fail the COMMIT of a read as well.
            let rows = try queue.inDatabase { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            return rows == ["ok"] ? [] : rows
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // Damage bad enough that the check itself stops on it.
            return [error.message ?? "\(error.resultCode)"]
        }
    }

    /// A read-only connection to `path`; with `pacing`, its statements run paced (see `StatementPacing`).
    static func readOnlyQueue(_ path: String, pacing: StatementPacing? = nil) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        if let pacing { configuration.prepareDatabase { db in pacing.install(on: db) } }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    public static func inMemory(priorityRule: PriorityRule = PriorityRule()) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: durableConfiguration()), priorityRule: priorityRule)
    }

    static func durableConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A printed number must survive a power cut: fsync the WAL on every commit.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }
}

/// Fans committed events out to listeners (the live stream, device drivers).
final class EventSink: Sendable {
    private let listeners = NIOLockedValueBox<[@Sendable ([PublishedEvent]) -> Void]>([])

    func add(_ listener: @escaping @Sendable ([PublishedEvent]) -> Void) {
        listeners.withLockedValue { $0.append(listener) }
    }

    func deliver(_ events: [PublishedEvent]) {
        guard !events.isEmpty else { return }
        for listener in listeners.withLockedValue({ $0 }) { listener(events) }
    }
}
