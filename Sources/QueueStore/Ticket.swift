public import Foundation
public import GRDB
public import QueueCore

/// One ticket's current state, as kept in the `ticket` table beside its event log.
public struct Ticket: Codable, Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var token: String
    public var serviceDay: String
    public var issuedField: String
    public var field: String
    public var number: Int
    public var label: String
    public var priority: Priority
    public var state: TicketState
    public var issuedAt: Date
    /// Its place in the queue when not its issue time (a no-show put back); `nil` for most tickets.
    public var queuedAt: Date?
    public var calledAt: Date?
    public var servingAt: Date?
    public var endedAt: Date?
    public var counter: Int?
    public var staff: String?
    public var recalls: Int
    public var outcome: Outcome?
    /// The client address that issued it (the kiosk), used to reprint on the same printer.
    public var source: String?
    /// The counter a transfer sent it to: only that counter calls it; `nil`: any counter serving its field.
    public var forCounter: Int?
    /// The transferring officer's note for the next one (what was checked, what is missing).
    public var note: String?
    /// The citizen's name as their scanned ID card gave it at the kiosk; the dossier takes it from here.
    public var citizenName: String?

    public init(row: Row) throws {
        id = row["id"]
        token = row["token"]
        serviceDay = row["serviceDay"]
        issuedField = row["issuedField"]
        field = row["field"]
        number = row["number"]
        label = row["label"]
        priority = Priority(rawValue: row["priority"]) ?? .none
        state = TicketState(rawValue: row["state"]) ?? .cancelled
        issuedAt = Millis.date(row["issuedAt"])
        queuedAt = (row["queuedAt"] as Int64?).map(Millis.date)
        calledAt = (row["calledAt"] as Int64?).map(Millis.date)
        servingAt = (row["servingAt"] as Int64?).map(Millis.date)
        endedAt = (row["endedAt"] as Int64?).map(Millis.date)
        counter = row["counter"]
        staff = row["staff"]
        recalls = row["recalls"]
        outcome = (row["outcome"] as String?).flatMap(Outcome.init(rawValue:))
        source = row["source"]
        forCounter = row["forCounter"]
        note = row["note"]
        citizenName = row["citizenName"]
    }

    /// Hex digits in the token of a ticket the hall issues (`AppDatabase.newToken()`: 128 random bits).
    public static let tokenLength = 32

    /// Whether `token` has the shape of an issued ticket's token (32 lowercase hex digits), so a public route
    /// can turn anything else away before it reaches the store.
    public static func isWellFormedToken(_ token: String) -> Bool {
        token.utf8.count == tokenLength
            && token.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")) ~= $0 || (UInt8(ascii: "a")...UInt8(ascii: "f")) ~= $0 }
    }

    /// The instant that orders it in its queue.
    public var queueKey: Date { queuedAt ?? issuedAt }

    static func fetch(_ db: Database, id: Int64) throws -> Ticket? {
        try Ticket.fetchOne(try db.cachedStatement(sql: "SELECT * FROM ticket WHERE id = ?"), arguments: [id])
    }
}

/// Times are stored as integer milliseconds since 1970 (UTC).
enum Millis {
    static func of(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
