public import Foundation
import GRDB

/// One row of the append-only audit log: who did what, when, from which client address, and the value
/// before and after (JSON text) for changes.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: Date
    /// The username acting (for a failed sign-in, the username that was tried).
    public var actor: String?
    public var action: AuditAction
    /// What was acted on: a field code, a counter number, a username, a device id, a year, a dossier id.
    public var target: String?
    /// The client address the request came from (after `--trust-proxy`), `nil` for the command line.
    public var client: String?
    public var before: String?
    public var after: String?
}

/// What an audit entry records; dotted names, stable for readers of the log.
public struct AuditAction: RawRepresentable, Codable, Sendable, Hashable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let loginSucceeded = AuditAction(rawValue: "login.succeeded")
    public static let loginFailed = AuditAction(rawValue: "login.failed")
    /// A wrong PIN on a kiosk's settings screen.
    public static let kioskPinFailed = AuditAction(rawValue: "kiosk.pin_failed")
    public static let loginLockout = AuditAction(rawValue: "login.lockout")
    public static let logout = AuditAction(rawValue: "logout")
    public static let catalogReplaced = AuditAction(rawValue: "catalog.replaced")
    public static let fieldSaved = AuditAction(rawValue: "field.saved")
    public static let fieldRemoved = AuditAction(rawValue: "field.removed")
    public static let procedureSaved = AuditAction(rawValue: "procedure.saved")
    public static let procedureRemoved = AuditAction(rawValue: "procedure.removed")
    public static let counterSaved = AuditAction(rawValue: "counter.saved")
    public static let counterRemoved = AuditAction(rawValue: "counter.removed")
    public static let userCreated = AuditAction(rawValue: "user.created")
    public static let userUpdated = AuditAction(rawValue: "user.updated")
    public static let userDeleted = AuditAction(rawValue: "user.deleted")
    public static let calendarYearSaved = AuditAction(rawValue: "calendar.saved")
    public static let deviceBound = AuditAction(rawValue: "device.bound")
    /// A ticket called ahead of the queue, with the officer's reason.
    public static let calledOutOfOrder = AuditAction(rawValue: "ticket.called_out_of_order")
    public static let dossierReturned = AuditAction(rawValue: "dossier.returned")
    public static let dossierDelayed = AuditAction(rawValue: "dossier.delayed")
}

/// Who acts and from which client address; a store change that is audited writes it with its entry.
public struct AuditStamp: Sendable, Equatable {
    public var actor: String?
    public var client: String?

    public init(actor: String?, client: String?) {
        self.actor = actor
        self.client = client
    }
}

extension AppDatabase {
    /// Appends one entry on its own (sign-ins, or a change made elsewhere, like a device binding).
    public func recordAudit(
        _ action: AuditAction, target: String?, before: String? = nil, after: String? = nil, by stamp: AuditStamp, at now: Date
    ) async throws {
        try await writer.write { db in
            try appendAudit(db, action, target: target, before: before, after: after, by: stamp, at: now)
        }
    }

    /// Appends one entry inside the caller's transaction, so the change and its record commit together.
    func appendAudit(
        _ db: Database, _ action: AuditAction, target: String?, before: String?, after: String?, by stamp: AuditStamp, at now: Date
    ) throws {
        try db.execute(
            sql: "INSERT INTO auditLog (at, actor, action, target, client, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [Millis.of(now), stamp.actor, action.rawValue, target, stamp.client, before, after])
    }

    /// Entries newest first: at most `limit`, and only those older than entry `before` when it is given.
    public func auditEntries(limit: Int, before: Int64? = nil) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM auditLog WHERE id < ? ORDER BY id DESC LIMIT ?", arguments: [before ?? Int64.max, limit]
            ).map { row in
                AuditEntry(
                    id: row["id"], at: Millis.date(row["at"]), actor: row["actor"], action: AuditAction(rawValue: row["action"]),
                    target: row["target"], client: row["client"], before: row["before"], after: row["after"])
            }
        }
    }

    /// The JSON text an entry keeps for a value: sorted keys, so two entries of the same value compare equal.
    public static func auditJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
