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
        let blank = ReportAccumulator(period: period, targets: targets, asOf: asOf)
        // On a pool the tickets are cut into two slices by rowid, each read by its own connection and counted by
        // its own thread, then merged: a year is a million rows and the box has two cores. Each slice is its own
        // consistent snapshot; closed days do not change, so only a report including today could see a ticket
        // change between the two. An in-memory queue (tests) reads in one slice.
        let slices = try await writer.read { db in try Self.ticketSlices(db, period, parts: self.writer is DatabasePool ? 2 : 1) }
        let pipes = slices.map { _ in ReportQueryPipe(blank) }
        // Ratings and promises are read at the same time as the tickets, on their own connections.
        let start = Millis.of(period.first.date(atMinute: 0))
        let end = Millis.of(period.last.adding(days: 1).date(atMinute: 0)) - 1
        let promiseArguments: StatementArguments = [period.first.iso, period.last.iso, start, end]
        var ratings: [ReportRating] = []
        var promises: [ReportPromise] = []
        do {
            try await withThrowingTaskGroup(of: SideRows.self) { group in
                for (slice, pipe) in zip(slices, pipes) {
                    group.addTask { try await self.writer.read { db in try Self.readTickets(db, slice, into: pipe) }; return .none }
                }
                group.addTask { .ratings(try await self.writer.read { db in try Self.readRatings(db, period) }) }
                group.addTask { .promises(try await self.writer.read { db in try Self.readPromises(db, promiseArguments) }) }
                for try await rows in group {
                    switch rows {
                    case .ratings(let read): ratings = read
                    case .promises(let read): promises = read
                    case .none: break
                    }
                }
            }
        } catch {
            for pipe in pipes { _ = pipe.finish() }
            throw error
        }
        var (counted, estimates) = pipes[0].finish()
        for pipe in pipes.dropFirst() {
            let (more, moreEstimates) = pipe.finish()
            counted.merge(more)
            estimates.merge(moreEstimates)
        }
        for rating in ratings { counted.add(rating) }
        for promise in promises { counted.add(promise) }
        let (finalCount, finalEstimates) = (counted, estimates)
        return try await writer.read { db in
            try Self.assemble(db, period: period, targets: targets, asOf: asOf, counted: finalCount, estimates: finalEstimates)
        }
    }

    /// What the side readers hand back.
    enum SideRows: Sendable {
        case none
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
        try scan(db, table, days: (period.first, period.last))
    }

    static func scan(_ db: Database, _ table: String, days span: (DayKey, DayKey)) throws -> (from: String, arguments: StatementArguments) {
        let period = (first: span.0, last: span.1)
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
    /// The period's tickets as `parts` slices of the table read one after the other by rowid (tickets are
    /// stored in issue order), or one slice through the day index when the period is a small part of the store.
    static func ticketSlices(_ db: Database, _ period: ReportPeriod, parts: Int) throws -> [(from: String, arguments: StatementArguments)] {
        let query = try scan(db, "ticket", period: period)
        guard !query.from.contains("WHERE serviceDay BETWEEN ? AND ?") || query.from.contains("NOT INDEXED"), parts > 1,
            let bounds = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM ticket"),
            let low = bounds[0] as Int64?, let high = bounds[1] as Int64?, high > low
        else { return [query] }
        let middle = low + (high - low) / 2
        let days = query.arguments
        let filter = query.from.contains("WHERE") ? " AND serviceDay BETWEEN ? AND ?" : ""
        return [(low, middle), (middle + 1, high)].map { range in
            (" FROM ticket NOT INDEXED WHERE id BETWEEN \(range.0) AND \(range.1)" + filter, filter.isEmpty ? [] : days)
        }
    }

    private static func readTickets(_ db: Database, _ query: (from: String, arguments: StatementArguments), into pipe: ReportQueryPipe) throws {
        let statement = try db.makeStatement(sql: ticketColumns + query.from)
        let raw = statement.sqliteStatement
        var codes = ReportQueryInterner()
        var staffNames = ReportQueryInterner()
        var batch: [ReportQueryRawTicket] = []
        batch.reserveCapacity(ReportQueryPipe.batchSize)
        try Row.fetchCursor(statement, arguments: query.arguments).forEach { _ in
            let field = codes.text(raw, 0) ?? ""
            let stateIndex = Int(sqlite3_column_int64(raw, 7))
            batch.append(ReportQueryRawTicket(
                field: field, staff: staffNames.text(raw, 2), counter: optionalInteger(raw, 1),
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


    private static func readRatings(_ db: Database, _ period: ReportPeriod) throws -> [ReportRating] {
        let query = try scan(db, "rating", period: period)
        let statement = try db.makeStatement(sql: "SELECT at, counter, field, staff, level" + query.from)
        let raw = statement.sqliteStatement
        var fields = ReportQueryInterner()
        var staff = ReportQueryInterner()
        var ratings: [ReportRating] = []
        try Row.fetchCursor(statement, arguments: query.arguments).forEach { _ in
            ratings.append(ReportRating(
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
        try Row.fetchCursor(statement, arguments: arguments).forEach { _ in
            promises.append(ReportPromise(
                field: fields.text(raw, 0) ?? "", receivedAt: Millis.date(sqlite3_column_int64(raw, 1)),
                promisedAt: Millis.date(sqlite3_column_int64(raw, 2)), returnedAt: optionalInteger(raw, 3).map(Millis.date),
                sameDay: sqlite3_column_int64(raw, 4) != 0))
        }
        return promises
    }
}
