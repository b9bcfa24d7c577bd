public import Foundation
public import QueueCore
import GRDB
import GRDBSQLite

extension AppDatabase {
    /// The period's report, read in one transaction (one consistent snapshot even while tickets are issued).
    ///
    /// Built for a year of a busy centre (a million tickets in well under a second in release): tickets are read
    /// through the `serviceDay`-first index with a prepared statement whose columns are read by position (no
    /// `Row` dictionaries, no per-row decoding), the state and the transfer flag are computed by SQLite, and each
    /// ticket goes straight into `ReportAccumulator`. Ratings are those given on the period's service days;
    /// promises those received in the period or falling due in it (the accumulator decides which count where).
    public func report(period: ReportPeriod, targets: ReportTargets, asOf: Date) async throws -> PeriodReport {
        try await writer.read { db in try Self.readReport(db, period: period, targets: targets, asOf: asOf) }
    }

    static func readReport(_ db: Database, period: ReportPeriod, targets: ReportTargets, asOf: Date) throws -> PeriodReport {
        var accumulator = ReportAccumulator(period: period, targets: targets, asOf: asOf)
        var estimates = ReportEstimateTally()
        try readTickets(db, period, into: &accumulator, estimates: &estimates)
        try readRatings(db, period, into: &accumulator)
        // Promises: received in the period, or promised for an instant inside it (Vietnam days, inclusive).
        let start = Millis.of(period.first.date(atMinute: 0))
        let end = Millis.of(period.last.adding(days: 1).date(atMinute: 0)) - 1
        try readPromises(db, [period.first.iso, period.last.iso, start, end], into: &accumulator)
        let fields = try Row.fetchAll(db, sql: "SELECT code, name, nameEn FROM field ORDER BY position").map {
            PeriodReport.FieldName(code: $0[0], name: $0[1], nameEn: $0[2])
        }
        let centre = try String.fetchOne(db, sql: "SELECT name FROM centre WHERE id = 1") ?? ""
        let order = targets.fieldOrder.isEmpty ? fields.map(\.code) : targets.fieldOrder
        return PeriodReport(
            period: period, centreName: centre, asOf: asOf, fields: fields, targets: targets,
            figures: accumulator.finish(), estimateAccuracy: estimates.finish(fieldOrder: order))
    }

    /// Ticket states by the integer the query maps them to (see `ticketColumns`).
    private static let states: [TicketState] = [.waiting, .called, .serving, .done, .noShow, .cancelled]

    private static let ticketColumns = """
        SELECT field, counter, staff, issuedAt, firstCalledAt, servingAt, endedAt,
          CASE state WHEN 'waiting' THEN 0 WHEN 'called' THEN 1 WHEN 'serving' THEN 2 WHEN 'done' THEN 3
            WHEN 'no-show' THEN 4 ELSE 5 END,
          issuedField <> field, estimatedWaitMinutes
        """

    /// How to find the period's rows in `table` (ticket or rating, both indexed by `serviceDay` first). The index
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

    /// Columns are read straight from the SQLite statement GRDB steps (the cursor's `Row` is not used): a year
    /// is a million rows, and per-column `Row` access with its type checks doubled the Swift side's cost. Field
    /// codes are interned (a handful per centre, found by comparing bytes), so a row allocates no string for them.
    private static func readTickets(
        _ db: Database, _ period: ReportPeriod, into accumulator: inout ReportAccumulator,
        estimates: inout ReportEstimateTally
    ) throws {
        let query = try scan(db, "ticket", period: period)
        let statement = try db.makeStatement(sql: ticketColumns + query.from)
        let raw = statement.sqliteStatement
        var codes: [String] = []
        var codeBytes: [[UInt8]] = []
        let pipe = ReportQueryPipe(accumulator)
        defer { (accumulator, estimates) = pipe.finish() }
        var batch: [ReportQueryRawTicket] = []
        batch.reserveCapacity(ReportQueryPipe.batchSize)
        try Row.fetchCursor(statement, arguments: query.arguments).forEach { _ in
            var field = ""
            // Text first, then its length, as SQLite asks.
            if let text = sqlite3_column_text(raw, 0) {
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, 0)))
                if let known = codeBytes.firstIndex(where: { $0.elementsEqual(bytes) }) {
                    field = codes[known]
                } else {
                    field = String(decoding: bytes, as: UTF8.self)
                    codes.append(field)
                    codeBytes.append(Array(bytes))
                }
            }
            let stateIndex = Int(sqlite3_column_int64(raw, 7))
            batch.append(ReportQueryRawTicket(
                field: field, staff: optionalText(raw, 2), counter: optionalInteger(raw, 1),
                issued: sqlite3_column_int64(raw, 3), firstCalled: optionalInteger(raw, 4), serving: optionalInteger(raw, 5),
                ended: optionalInteger(raw, 6), estimateMinutes: optionalInteger(raw, 9),
                state: states[min(max(stateIndex, 0), states.count - 1)], transferred: sqlite3_column_int64(raw, 8) != 0))
            if batch.count == ReportQueryPipe.batchSize {
                pipe.send(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { pipe.send(batch) }
    }

    @inline(__always)
    private static func optionalInteger(_ statement: SQLiteStatement, _ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    @inline(__always)
    private static func optionalText(_ statement: SQLiteStatement, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    private static func readRatings(_ db: Database, _ period: ReportPeriod, into accumulator: inout ReportAccumulator) throws {
        let query = try scan(db, "rating", period: period)
        let statement = try db.makeStatement(sql: "SELECT at, counter, field, staff, level" + query.from)
        let rows = try Row.fetchCursor(statement, arguments: query.arguments)
        while let row = try rows.next() {
            let at: Int64 = row[0]
            accumulator.add(ReportRating(at: Millis.date(at), counter: row[1], field: row[2], staff: row[3], level: row[4]))
        }
    }

    private static func readPromises(
        _ db: Database, _ arguments: StatementArguments, into accumulator: inout ReportAccumulator
    ) throws {
        let statement = try db.makeStatement(
            sql: """
                SELECT field, receivedAt, promisedAt, returnedAt, sameDay FROM dossier
                WHERE promisedAt IS NOT NULL AND (serviceDay BETWEEN ?1 AND ?2 OR promisedAt BETWEEN ?3 AND ?4)
                """)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let received: Int64 = row[1]
            let promised: Int64 = row[2]
            let returned: Int64? = row[3]
            accumulator.add(ReportPromise(
                field: row[0], receivedAt: Millis.date(received), promisedAt: Millis.date(promised),
                returnedAt: returned.map(Millis.date), sameDay: row[4]))
        }
    }
}
