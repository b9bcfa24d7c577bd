public import Foundation
import GRDB
public import QueueCore

/// What the kiosk gets back when a ticket is issued.
public struct IssuedTicket: Sendable {
    public var ticket: Ticket
    public var ahead: Int
    public var estimatedWaitMinutes: Int
    public var fieldName: String
    public var fieldNameEn: String
    public var event: PublishedEvent
    /// The print job stored with the ticket (`issueTicket(…printer:)`), nil when no printer was named.
    public var printJobID: Int64? = nil
}

extension AppDatabase {
    /// Allocates the field's next number for the day and records the ticket and its `issued` event in one
    /// transaction: a number a client has seen is durable, and no number is given twice. The database file is
    /// checked first (a deleted or replaced file is put back before a number is taken from it).
    /// With `printer`, the ticket's print job is stored `queued` in the same transaction: no ticket whose paper
    /// copy was due can exist without its job (a crash leaves it to reprint). Tickets asked for at the same time
    /// share one commit (`IssueBatcher`).
    public func issueTicket(
        field code: String, priority: Priority, source: String?, at now: Date, printer: String? = nil, citizen: CitizenTag? = nil
    ) async throws -> IssuedTicket {
        let order = IssueOrder(field: code, priority: priority, source: source, at: now, printer: printer, citizen: citizen)
        return try await issueBatcher.issue(order) { [self] orders in try await self.writeIssues(orders) }
    }

    /// One transaction for `orders`, each in its own savepoint: an order the hall refuses (`QueueError`: an unknown
    /// field) is rolled back alone and answered with its refusal. A storage failure (disk full, I/O error; SQLite
    /// may already have rolled the transaction back) or a failed commit fails them all, and nothing of theirs is stored.
    func writeIssues(_ orders: [IssueOrder]) async throws -> [Result<IssuedTicket, any Error>] {
        await verifyFile()
        let results = try await writer.write { db in
            try orders.map { order -> Result<IssuedTicket, any Error> in
                var issued: Result<IssuedTicket, any Error>?
                try db.inSavepoint {
                    do {
                        issued = .success(try issueOne(db, order))
                        return .commit
                    } catch let refusal as QueueError {
                        issued = .failure(refusal)
                        return .rollback
                    }
                }
                return issued ?? .failure(QueueError.unknownTicket("new"))
            }
        }
        for case .success(let issued) in results where issued.printJobID != nil {
            activity.printJob(PrintJob.State.queued.rawValue)
        }
        return results
    }

    func issueOne(_ db: Database, _ order: IssueOrder) throws -> IssuedTicket {
        guard
            let names = try Row.fetchOne(
                try db.cachedStatement(sql: "SELECT prefix, name, nameEn FROM field WHERE code = ?"), arguments: [order.field])
        else { throw QueueError.unknownField(order.field) }
        let day = VietnamTime.serviceDay(of: order.at)
        // Everyone already waiting in the field is ahead (for a priority ticket: only priority ones).
        let ahead = try waitingInField(db, field: order.field, day: day, priorityOnly: order.priority.isPriority)
        let estimate = try estimateWait(db, field: order.field, day: day, ahead: ahead)
        let id = try insertTicket(
            db, field: order.field, prefix: names["prefix"], day: day,
            values: [order.priority.rawValue, Millis.of(order.at), order.source, estimate])
        if let citizen = order.citizen {
            try db.execute(
                sql: "UPDATE ticket SET citizenName = ?, citizenIdLast4 = ? WHERE id = ?", arguments: [citizen.name, citizen.idLast4, id])
        }
        guard let ticket = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket("new") }
        // The job before the event: the event is published on commit, so it must be the last step that can fail.
        let printJobID = try order.printer.map { try insertPrintJob(db, ticket: id, printer: $0, at: order.at) }
        let event = try appendEvent(db, .issued, ticket: ticket, at: order.at, staff: nil)
        return IssuedTicket(
            ticket: ticket, ahead: ahead, estimatedWaitMinutes: estimate,
            fieldName: names["name"], fieldNameEn: names["nameEn"], event: event, printJobID: printJobID)
    }

    /// Inserts the ticket under the field's next free number. A number already stored for the day (a restore, an
    /// import, a generated history the counter did not know) makes the counter catch up with the stored tickets
    /// first: the kiosk never sees the collision (one lookup in the day's label index per ticket).
    func insertTicket(_ db: Database, field: String, prefix: String, day: String, values: StatementArguments) throws -> Int64 {
        var number = try allocateNumber(db, field: field, day: day)
        if try labelTaken(db, day: day, label: TicketLabel.make(prefix: prefix, number: number)) {
            try reconcileDayCounter(db, field: field, prefix: prefix, day: day)
            number = try allocateNumber(db, field: field, day: day)
        }
        let arguments: StatementArguments = [Self.newToken(), day, field, field, number, TicketLabel.make(prefix: prefix, number: number)]
        try db.cachedStatement(
            sql: """
                INSERT INTO ticket (token, serviceDay, issuedField, field, number, label, priority, state, issuedAt, source,
                  estimatedWaitMinutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)
                """
        ).execute(arguments: arguments + values)
        return db.lastInsertedRowID
    }

    func labelTaken(_ db: Database, day: String, label: String) throws -> Bool {
        try Bool.fetchOne(
            try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM ticket WHERE serviceDay = ? AND label = ?)"), arguments: [day, label])
            ?? false
    }

    func allocateNumber(_ db: Database, field: String, day: String) throws -> Int {
        let number = try Int.fetchOne(
            try db.cachedStatement(
                sql: """
                    INSERT INTO dailySequence (serviceDay, field, lastNumber) VALUES (?, ?, 1)
                    ON CONFLICT (serviceDay, field) DO UPDATE SET lastNumber = lastNumber + 1
                    RETURNING lastNumber
                    """),
            arguments: [day, field])
        return number ?? 1
    }

    /// Raises the field's counter for `day` to the highest number stored that day under the field or its prefix.
    func reconcileDayCounter(_ db: Database, field: String, prefix: String, day: String) throws {
        try db.execute(
            sql: """
                INSERT INTO dailySequence (serviceDay, field, lastNumber)
                SELECT ?1, ?2, COALESCE(MAX(n), 0) FROM (
                  SELECT number AS n FROM ticket WHERE serviceDay = ?1 AND issuedField = ?2
                  UNION ALL
                  SELECT CAST(substr(label, length(?3) + 1) AS INTEGER) FROM ticket
                  WHERE serviceDay = ?1 AND label GLOB ?3 || '[0-9]*') WHERE true
                ON CONFLICT (serviceDay, field) DO UPDATE SET lastNumber = excluded.lastNumber WHERE excluded.lastNumber > lastNumber
                """, arguments: [day, field, prefix])
    }

    /// Brings every field's counter of `day` and later days up to the tickets stored for them (max number per
    /// field and day, under its code or its prefix), so a restored or imported store never collides with
    /// itself. `serve` runs this at start; returns the counters created or raised.
    @discardableResult
    public func reconcileDayCounters(from day: String) async throws -> Int {
        try await writer.write { db in try Self.reconcileDayCounters(db, from: day) }
    }

    static func reconcileDayCounters(_ db: Database, from day: String) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO dailySequence (serviceDay, field, lastNumber)
                SELECT t.serviceDay, f.code, MAX(
                  CASE WHEN t.label GLOB f.prefix || '[0-9]*'
                    THEN MAX(CAST(substr(t.label, length(f.prefix) + 1) AS INTEGER), CASE WHEN t.issuedField = f.code THEN t.number ELSE 0 END)
                    ELSE t.number END)
                FROM ticket t JOIN field f ON t.issuedField = f.code OR t.label GLOB f.prefix || '[0-9]*'
                WHERE t.serviceDay >= ?
                GROUP BY t.serviceDay, f.code
                ON CONFLICT (serviceDay, field) DO UPDATE SET lastNumber = excluded.lastNumber
                WHERE excluded.lastNumber > lastNumber
                """, arguments: [day])
        return db.changesCount
    }

    func waitingInField(_ db: Database, field: String, day: String, priorityOnly: Bool) throws -> Int {
        let filter = priorityOnly ? "AND priority" : ""
        return try Int.fetchOne(
            try db.cachedStatement(sql: "SELECT COALESCE(SUM(n), 0) FROM waitingCount WHERE serviceDay = ? AND field = ? \(filter)"),
            arguments: [day, field]) ?? 0
    }

    /// Waiting tickets the rule would call before this one in its field: priority tickets only see older
    /// priority tickets ahead; normal tickets see everyone who waits.
    func peopleAhead(_ db: Database, of ticket: Ticket) throws -> Int {
        let priorityOnly = ticket.priority.isPriority ? "AND priority <> 'none'" : ""
        return try Int.fetchOne(
            try db.cachedStatement(
                sql: """
                    SELECT COUNT(*) FROM ticket WHERE serviceDay = ? AND field = ? AND state = 'waiting' AND id <> ?
                    AND (COALESCE(queuedAt, issuedAt) < ? OR (COALESCE(queuedAt, issuedAt) = ? AND id < ?)
                      OR priority <> 'none' AND ? = 'none') \(priorityOnly)
                    """),
            arguments: [
                ticket.serviceDay, ticket.field, ticket.id, Millis.of(ticket.queueKey), Millis.of(ticket.queueKey),
                ticket.id, ticket.priority.rawValue,
            ]) ?? 0
    }

    /// Uses the field's last 20 service times of `day` (the index keeps this cheap however long the history).
    func estimateWait(_ db: Database, field: String, day: String, ahead: Int) throws -> Int {
        let counters = try openCounters(db, field: field)
        let durations = try Int64.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT endedAt - servingAt FROM ticket
                    WHERE serviceDay = ? AND state = 'done' AND field = ? AND servingAt IS NOT NULL AND endedAt IS NOT NULL
                    ORDER BY endedAt DESC LIMIT 20
                    """),
            arguments: [day, field])
        let mean = estimator.meanServiceMinutes(durations.reversed().map { Double($0) / 60_000 })
        return estimator.estimateMinutes(
            ahead: ahead, openCounters: counters.open, busyCounters: counters.busy, meanServiceMinutes: mean)
    }

    /// The field's open (not paused) counters, and how many of them have a citizen called or being served.
    func openCounters(_ db: Database, field: String) throws -> (open: Int, busy: Int) {
        let row = try Row.fetchOne(
            try db.cachedStatement(
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(EXISTS (
                      SELECT 1 FROM ticket WHERE ticket.counter = counter.number AND ticket.state IN ('called', 'serving'))), 0)
                    FROM counter JOIN counterField ON counterField.counter = counter.number
                    WHERE counterField.field = ? AND counter.paused = 0
                    """),
            arguments: [field])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// 128 random bits, hex: the key of a ticket's public page, not derivable from its id.
    static func newToken() -> String { RandomToken.hex(bytes: Ticket.tokenLength / 2) }
}
