public import Foundation
import GRDB
import QueueCore

/// A dossier (hồ sơ) handed in at a counter, with the return it was promised.
public struct Dossier: Codable, Sendable, Equatable {
    /// Where the dossier stands: incomplete, pending, late or returned.
    public enum Status: String, Codable, Sendable {
        /// Incomplete: the citizen was told what to add; nothing was promised.
        case incomplete
        /// Promised and not yet due.
        case pending
        /// Past its promised time and not returned: the centre owes an apology.
        case late
        case returnedOnTime = "returned-on-time"
        case returnedLate = "returned-late"
    }

    public var id: Int64
    public var ticketId: Int64?
    /// The ticket label, e.g. "B003".
    public var ticket: String?
    public var procedure: String
    public var procedureName: String
    public var field: String
    public var complete: Bool
    public var receivedAt: Date
    public var promisedAt: Date?
    public var rule: String?
    public var sameDay: Bool
    public var counter: Int?
    public var staff: String?
    public var returnedAt: Date?
    public var status: Status

    init(row: Row, now: Date) {
        id = row["id"]
        ticketId = row["ticket"]
        ticket = row["label"]
        procedure = row["procedure"]
        procedureName = row["procedureName"] ?? row["procedure"]
        field = row["field"]
        complete = row["complete"]
        receivedAt = Millis.date(row["receivedAt"])
        promisedAt = (row["promisedAt"] as Int64?).map(Millis.date)
        rule = row["rule"]
        sameDay = row["sameDay"]
        counter = row["counter"]
        staff = row["staff"]
        returnedAt = (row["returnedAt"] as Int64?).map(Millis.date)
        status = Self.status(promisedAt: promisedAt, returnedAt: returnedAt, now: now)
    }

    static func status(promisedAt: Date?, returnedAt: Date?, now: Date) -> Status {
        guard let promisedAt else { return .incomplete }
        if let returnedAt { return returnedAt <= promisedAt ? .returnedOnTime : .returnedLate }
        return now > promisedAt ? .late : .pending
    }
}
