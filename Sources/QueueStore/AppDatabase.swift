public import Foundation
public import GRDB
public import QueueCore
import Synchronization

/// The store: SQLite through GRDB over any `DatabaseWriter` — a WAL pool on disk, an in-memory queue in tests.
///
/// Every ticket change appends an event and updates the current-state tables in one transaction; committed
/// events are handed to `eventSink` in commit order, on the writer's queue, so listeners never see a gap.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    public let priorityRule: PriorityRule
    public let estimator: WaitEstimator
    let eventSink: EventSink

    public init(
        _ writer: any DatabaseWriter, priorityRule: PriorityRule = PriorityRule(),
        estimator: WaitEstimator = WaitEstimator()
    ) throws {
        self.writer = writer
        self.priorityRule = priorityRule
        self.estimator = estimator
        self.eventSink = EventSink()
        try Self.checkSchema(writer)
        try Migrations.migrator.migrate(writer)
    }

    /// Calls `listener` with every committed batch of events, in order.
    public func onCommittedEvents(_ listener: @escaping @Sendable ([PublishedEvent]) -> Void) {
        eventSink.add(listener)
    }

    static func checkSchema(_ writer: any DatabaseWriter) throws {
        let superseded = try writer.read { db in try Migrations.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError(
                .newerSchema,
                """
                Cơ sở dữ liệu được tạo bởi phiên bản KhôngChờ mới hơn; hãy cài phiên bản mới hơn. \
                The database was written by a newer KhôngChờ: install that version (nothing was changed).
                """)
        }
    }
}

extension AppDatabase {
    /// Opens (or creates) the durable store in `directory`: WAL, `synchronous=FULL`, foreign keys on.
    public static func open(directory: URL, priorityRule: PriorityRule = PriorityRule()) throws -> AppDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("khongcho.sqlite").path
        do {
            try preflight(path)
            let pool = try DatabasePool(path: path, configuration: durableConfiguration())
            return try AppDatabase(pool, priorityRule: priorityRule)
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw StoreError(
                .corruptDatabase,
                """
                Tệp dữ liệu \(path) bị hỏng hoặc không phải SQLite; khôi phục từ bản sao lưu hoặc chọn thư mục khác \
                bằng --data. The database file is corrupt or not SQLite: restore a backup or pass another --data \
                directory (nothing was changed). SQLite said: \(error.message ?? "\(error.resultCode)")
                """)
        }
    }

    /// Checks an existing file through a read-only connection first: opening a WAL pool writes to the file
    /// (GRDB creates and drops a table to set WAL up), and a corrupt or newer store must be left byte-identical.
    static func preflight(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try checkSchema(queue)
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

/// Why the store refused to open or act, with the fix in the message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of store failure.
    public enum Code: String, Sendable {
        case corruptDatabase = "corrupt_database"
        case newerSchema = "newer_schema"
        case cannotOpen = "cannot_open"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Fans committed events out to listeners (the live stream, device drivers).
final class EventSink: Sendable {
    private let listeners = Mutex<[@Sendable ([PublishedEvent]) -> Void]>([])

    func add(_ listener: @escaping @Sendable ([PublishedEvent]) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func deliver(_ events: [PublishedEvent]) {
        guard !events.isEmpty else { return }
        for listener in listeners.withLock({ $0 }) { listener(events) }
    }
}
