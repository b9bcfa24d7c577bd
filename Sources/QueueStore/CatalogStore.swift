public import Foundation
import GRDB
public import QueueCore

extension AppDatabase {
    /// Loads `catalog` when the store has none yet (first start); returns whether it did.
    @discardableResult
    public func seedCatalogIfEmpty(_ catalog: Catalog) throws -> Bool {
        try catalog.validate()
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM centre") == 0 else { return false }
            try write(db, catalog)
            return true
        }
    }

    public func catalog() async throws -> Catalog {
        try await writer.read { db in try readCatalog(db) }
    }

    /// Validates an edited catalog and makes it the store's, atomically. Tickets keep their field code and
    /// printed number, but an edit that would strand open tickets is refused (see `checkOpenTickets`).
    @discardableResult
    public func replaceCatalog(_ catalog: Catalog, at now: Date, audit stamp: AuditStamp? = nil) async throws -> Catalog {
        let audit = stamp.map { CatalogAudit(action: .catalogReplaced, part: .whole, stamp: $0) }
        return try await editCatalog(at: now, audit: audit) { $0 = catalog }
    }

    /// Reads, edits and replaces the catalog in one transaction, so two admins never overwrite each other;
    /// `audit` is written in the same transaction with the edited part before and after.
    public func editCatalog(
        at now: Date, audit: CatalogAudit? = nil, _ edit: @escaping @Sendable (inout Catalog) throws -> Void
    ) async throws -> Catalog {
        try await writer.write { db in
            let before = try readCatalog(db)
            var catalog = before
            try edit(&catalog)
            // Open tickets first: "transfer these 3 tickets" matters more than "move the procedures first".
            try checkOpenTickets(db, before: before, after: catalog, day: VietnamTime.serviceDay(of: now))
            try catalog.validate()
            try write(db, catalog)
            if let audit {
                try appendAudit(
                    db, audit.action, target: audit.part.target, before: try audit.part.json(in: before),
                    after: try audit.part.json(in: catalog), by: audit.stamp, at: now)
            }
            return catalog
        }
    }

    func readCatalog(_ db: Database) throws -> Catalog {
        let fields = try Row.fetchAll(db, sql: "SELECT * FROM field ORDER BY position").map { row in
            Field(
                code: row["code"], name: row["name"], nameEn: row["nameEn"], prefix: row["prefix"],
                waitTargetMinutes: row["waitTargetMinutes"])
        }
        let procedures = try Row.fetchAll(db, sql: "SELECT * FROM procedure ORDER BY position").map { row in
            Procedure(
                code: row["code"], field: row["field"], name: row["name"], workingDays: row["workingDays"],
                sameDayGroup: row["sameDayGroup"], noWaitFriday: row["noWaitFriday"],
                documents: try JSONDecoder().decode([String].self, from: Data((row["documents"] as String).utf8)), fee: row["fee"])
        }
        let counters = try Int.fetchAll(db, sql: "SELECT number FROM counter ORDER BY number").map { number in
            let row = try counterRow(db, number)
            return Counter(number: number, name: row.name, fields: row.fields)
        }
        let sessions = try Row.fetchAll(db, sql: "SELECT start, end FROM officeSession ORDER BY start").map { row in
            OfficeSession(start: row["start"], end: row["end"])
        }
        return Catalog(
            centreName: try String.fetchOne(db, sql: "SELECT name FROM centre") ?? "", fields: fields,
            procedures: procedures, counters: counters, sessions: sessions)
    }

    func write(_ db: Database, _ catalog: Catalog) throws {
        try db.execute(
            sql: "INSERT INTO centre (id, name) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            arguments: [catalog.centreName])
        try db.execute(sql: "DELETE FROM counterField; DELETE FROM procedure; DELETE FROM officeSession")
        try deleteMissing(db, table: "field", key: "code", keep: catalog.fields.map(\.code))
        try deleteMissing(db, table: "counter", key: "number", keep: catalog.counters.map(\.number))
        for field in catalog.fields {
            // Prefixes may be swapped between fields: park the row's prefix first to dodge the UNIQUE index.
            try db.execute(sql: "UPDATE field SET prefix = '#' || code WHERE code = ?", arguments: [field.code])
        }
        for (position, field) in catalog.fields.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO field (code, name, nameEn, prefix, waitTargetMinutes, position) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, nameEn = excluded.nameEn, prefix = excluded.prefix,
                    waitTargetMinutes = excluded.waitTargetMinutes, position = excluded.position
                    """,
                arguments: [field.code, field.name, field.nameEn, field.prefix, field.waitTargetMinutes, position])
        }
        for (position, procedure) in catalog.procedures.enumerated() {
            try db.execute(
                sql:
                    """
                    INSERT INTO procedure (code, field, name, workingDays, sameDayGroup, noWaitFriday, position, documents, fee)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    procedure.code, procedure.field, procedure.name, procedure.workingDays, procedure.sameDayGroup,
                    procedure.noWaitFriday, position, String(decoding: try JSONEncoder().encode(procedure.documents), as: UTF8.self),
                    procedure.fee,
                ])
        }
        for counter in catalog.counters {
            try db.execute(
                sql: "INSERT INTO counter (number, name) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET name = excluded.name",
                arguments: [counter.number, counter.name])
            for (position, field) in counter.fields.enumerated() {
                try db.execute(
                    sql: "INSERT INTO counterField (counter, field, position) VALUES (?, ?, ?)",
                    arguments: [counter.number, field, position])
            }
        }
        for session in catalog.sessions {
            try db.execute(sql: "INSERT INTO officeSession (start, end) VALUES (?, ?)", arguments: [session.start, session.end])
        }
    }

    func deleteMissing(_ db: Database, table: String, key: String, keep: [some DatabaseValueConvertible]) throws {
        let marks = Array(repeating: "?", count: keep.count).joined(separator: ",")
        let condition = keep.isEmpty ? "" : "WHERE \(key) NOT IN (\(marks))"
        try db.execute(sql: "DELETE FROM \(table) \(condition)", arguments: StatementArguments(keep))
    }
}
