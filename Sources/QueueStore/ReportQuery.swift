public import Foundation
import GRDB
import GRDBSQLite
public import QueueCore

extension AppDatabase {
    /// The period's report.
    ///
    /// Built for a year of a busy centre (a million tickets; target under a second on two cores): each closed
    /// day's ticket tallies are counted once and stored (`reportDay`, dropped by triggers when a ticket of that
    /// day changes, recounted when the wait targets change), so a year report merges ~245 stored days; days not
    /// stored yet (and today) are read from `ticket` with columns read by position — two halves on two
    /// connections when on a pool — and stored for next time. Ratings (given on the period's days) and promises
    /// (received in the period or due in it) are read alongside, always live.
    public func report(period: ReportPeriod, targets: ReportTargets, asOf: Date) async throws -> PeriodReport {
        let today = DayKey(asOf)
        let key = Self.rollupKey(targets)
        let blank = ReportAccumulator(period: period, targets: targets, asOf: asOf)
        let stored = try await writer.read { db in try Self.storedDays(db, period: period, before: today, key: key) }
        let missing = Self.missingRanges(period: period, stored: Set(stored.keys), parts: currentWriter is DatabasePool ? 2 : 1)
        let start = Millis.of(period.first.date(atMinute: 0))
        let end = Millis.of(period.last.adding(days: 1).date(atMinute: 0)) - 1
        let promiseArguments: StatementArguments = [period.first.iso, period.last.iso, start, end]
        var fresh: [String: DayCount] = [:]
        var ratings: [ReportRating] = []
        var promises: [ReportPromise] = []
        try await withThrowingTaskGroup(of: SideRows.self) { group in
            for range in missing {
                group.addTask { .days(try await self.writer.read { db in try Self.readDays(db, range, blank: blank) }) }
            }
            group.addTask { .ratings(try await self.writer.read { db in try Self.readRatings(db, period) }) }
            group.addTask { .promises(try await self.writer.read { db in try Self.readPromises(db, promiseArguments) }) }
            for try await rows in group {
                switch rows {
                case .days(let days): fresh.merge(days) { first, _ in first }
                case .ratings(let read): ratings = read
                case .promises(let read): promises = read
                }
            }
        }
        var counted = blank
        var estimates = ReportEstimateTally()
        for bytes in stored.values { try Self.mergeStored(bytes, into: &counted, estimates: &estimates) }
        var toStore: [(String, [UInt8])] = []
        for (day, count) in fresh {
            counted.merge(count.accumulator)
            estimates.merge(count.estimates)
            if let key = DayKey(iso: day), key < today, period.contains(key) { toStore.append((day, count.encoded)) }
        }
        if !toStore.isEmpty { try await storeDays(toStore, key: key) }
        for rating in ratings { counted.add(rating) }
        for promise in promises { counted.add(promise) }
        let (finalCount, finalEstimates) = (counted, estimates)
        return try await writer.read { db in
            try Self.assemble(db, period: period, targets: targets, asOf: asOf, counted: finalCount, estimates: finalEstimates)
        }
    }

    /// What the side readers hand back.
    enum SideRows: Sendable {
        case days([String: DayCount])
        case ratings([ReportRating])
        case promises([ReportPromise])
    }

    static func assemble(
        _ db: Database, period: ReportPeriod, targets: ReportTargets, asOf: Date, counted accumulator: ReportAccumulator,
        estimates: ReportEstimateTally
    ) throws -> PeriodReport {
        let fields = try Row.fetchAll(db, sql: "SELECT code, name, nameEn FROM field ORDER BY position").map {
            PeriodReport.FieldName(code: $0[0], name: $0[1], nameEn: $0[2])
        }
        let name = try String.fetchOne(db, sql: "SELECT name FROM centre WHERE id = 1") ?? ""
        // A training store's figures are a rehearsal's: the label travels with every format (JSON, CSV, A4).
        let training = try storedUse(db) ?? false
        let centre = training ? "\(PeriodReport.trainingLabel) — \(name)" : name
        let order = targets.fieldOrder.isEmpty ? fields.map(\.code) : targets.fieldOrder
        return PeriodReport(
            period: period, centreName: centre, asOf: asOf, fields: fields, targets: targets,
            figures: accumulator.finish(), estimateAccuracy: estimates.finish(fieldOrder: order),
            outOfOrderCalls: try outOfOrderCalls(db, period: period), staffNames: try displayNames(db),
            citizenVoice: try citizenVoice(db, period: period, asOf: asOf))
    }

    /// Ticket states by the integer the query maps them to (see `ticketColumns`).
    static let states: [TicketState] = [.waiting, .called, .serving, .done, .noShow, .cancelled]

    static let ticketColumns = """
        SELECT field, counter, staff, issuedAt, firstCalledAt, servingAt, endedAt,
          CASE state WHEN 'waiting' THEN 0 WHEN 'called' THEN 1 WHEN 'serving' THEN 2 WHEN 'done' THEN 3
            WHEN 'no-show' THEN 4 ELSE 5 END,
          issuedField <> field, estimatedWaitMinutes
        """

    /// How to find the period's rows in `table` (indexed by `serviceDay` first). The index
    /// pays a table lookup per row, which a year report over a store holding little more than that year loses to
    /// a plain scan (measured on a million tickets: index 0.65 s of SQLite time, scan with the day filter 0.48 s,
    /// scan without it 0.43 s). The days held are read from the index's two ends, which costs nothing.
    static func scan(_ db: Database, _ table: String, period: ReportPeriod) throws -> (from: String, arguments: StatementArguments) {
        let days: StatementArguments = [period.first.iso, period.last.iso]
        let indexed = (" FROM \(table) WHERE serviceDay BETWEEN ? AND ?", days)
        let range = try Row.fetchOne(db, sql: "SELECT MIN(serviceDay), MAX(serviceDay) FROM \(table)")
        guard let range, let low = (range[0] as String?).flatMap(DayKey.init(iso:)),
            let high = (range[1] as String?).flatMap(DayKey.init(iso:))
        else { return indexed }
        if period.first <= low, high <= period.last { return (" FROM \(table)", []) }
        let held = high.dayNumber - low.dayNumber + 1
        let overlap = min(high, period.last).dayNumber - max(low, period.first).dayNumber + 1
        if overlap * 2 >= held { return (" FROM \(table) NOT INDEXED WHERE serviceDay BETWEEN ? AND ?", days) }
        return indexed
    }

    @inline(__always)
    static func optionalInteger(_ statement: SQLiteStatement, _ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    private static func readRatings(_ db: Database, _ period: ReportPeriod) throws -> [ReportRating] {
        let query = try scan(db, "rating", period: period)
        let statement = try db.makeStatement(sql: "SELECT at, counter, field, staff, level" + query.from)
        let raw = statement.sqliteStatement
        var fields = ReportQueryInterner()
        var staff = ReportQueryInterner()
        var ratings: [ReportRating] = []
        // swift-format-ignore: ReplaceForEachWithForLoop
        // A GRDB cursor is not a Sequence; its forEach reads the rows without copying them.
        try Row.fetchCursor(statement, arguments: query.arguments).forEach { _ in
            ratings.append(
                ReportRating(
                    at: Millis.date(sqlite3_column_int64(raw, 0)), counter: optionalInteger(raw, 1).map { Int($0) },
                    field: fields.text(raw, 2), staff: staff.text(raw, 3), level: Int(sqlite3_column_int64(raw, 4))))
        }
        return ratings
    }

    private static func readPromises(_ db: Database, _ arguments: StatementArguments) throws -> [ReportPromise] {
        let statement = try db.makeStatement(
            sql: """
                SELECT field, receivedAt, promisedAt, returnedAt, sameDay FROM dossier
                WHERE promisedAt IS NOT NULL AND (serviceDay BETWEEN ?1 AND ?2 OR promisedAt BETWEEN ?3 AND ?4)
                """)
        let raw = statement.sqliteStatement
        var fields = ReportQueryInterner()
        var promises: [ReportPromise] = []
        // swift-format-ignore: ReplaceForEachWithForLoop
        // A GRDB cursor is not a Sequence; its forEach reads the rows without copying them.
        try Row.fetchCursor(statement, arguments: arguments).forEach { _ in
            promises.append(
                ReportPromise(
                    field: fields.text(raw, 0) ?? "", receivedAt: Millis.date(sqlite3_column_int64(raw, 1)),
                    promisedAt: Millis.date(sqlite3_column_int64(raw, 2)), returnedAt: optionalInteger(raw, 3).map(Millis.date),
                    sameDay: sqlite3_column_int64(raw, 4) != 0))
        }
        return promises
    }
}

/// Turns a text column into a shared `String` without allocating per row: a report sees a handful of field
/// codes and a few dozen staff names over a million rows, found again by comparing bytes.
struct ReportQueryInterner {
    private var strings: [String] = []
    private var bytes: [[UInt8]] = []
    private var last = -1

    /// The column's text (SQLite asks for the text first, then its length); nil for NULL.
    mutating func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        let view = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
        // Rows come in runs of the same value: try the last one first.
        if last >= 0, bytes[last].elementsEqual(view) { return strings[last] }
        if let known = bytes.firstIndex(where: { $0.elementsEqual(view) }) {
            last = known
            return strings[known]
        }
        strings.append(String(decoding: view, as: UTF8.self))
        bytes.append(Array(view))
        last = strings.count - 1
        return strings[last]
    }
}

/// One ticket row as read from SQLite, before the Vietnam-time breakdown `ReportTicket` does: the reading
/// thread only copies integers, and the counting thread (`ReportQueryPipe`) builds the `ReportTicket`, so the
/// two cores share the work more evenly.
struct ReportQueryRawTicket: Sendable {
    var field: String
    var staff: String?
    var counter: Int64?
    var issued: Int64
    var firstCalled: Int64?
    var serving: Int64?
    var ended: Int64?
    var estimateMinutes: Int64?
    var state: TicketState
    var transferred: Bool

    func ticket(day: DayKey) -> ReportTicket {
        ReportTicket(
            serviceDay: day, field: field, counter: counter.map { Int($0) }, staff: staff, issuedAt: Millis.date(issued),
            calledAt: firstCalled.map(Millis.date), servingAt: serving.map(Millis.date), endedAt: ended.map(Millis.date),
            state: state, transferred: transferred)
    }
}
