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
    /// Who handed it in, so the result can be found (by name or phone) and returned to them.
    public var citizenName: String?
    public var citizenPhone: String?
    /// Why the result will be late, and when it will now be ready (the apology letter gives both).
    public var lateReason: String?
    public var newPromisedAt: Date?

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
        citizenName = row["citizenName"]
        citizenPhone = row["citizenPhone"]
        lateReason = row["lateReason"]
        newPromisedAt = (row["newPromisedAt"] as Int64?).map(Millis.date)
    }

    static func status(promisedAt: Date?, returnedAt: Date?, now: Date) -> Status {
        guard let promisedAt else { return .incomplete }
        if let returnedAt { return returnedAt <= promisedAt ? .returnedOnTime : .returnedLate }
        return now > promisedAt ? .late : .pending
    }
}

/// The citizen a dossier belongs to, as the officer typed it at intake.
public struct DossierCitizen: Sendable, Equatable {
    public var name: String?
    public var phone: String?

    public init(name: String?, phone: String?) {
        self.name = name
        self.phone = phone
    }

    /// The name folded for search: lower case, no diacritics, "đ" as "d" ("Nguyễn Văn Ân" → "nguyen van an").
    public static func searchKey(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}
