public import Foundation
import GRDB

/// A rating as the province sees it.
public struct ReplicatedRating: Sendable, Equatable {
    public var id: Int64
    public var serviceDay: String
    public var at: Date
    public var field: String?
    public var counter: Int
    public var staff: String?
    public var level: Int
    public var reason: String?

    public init(id: Int64, serviceDay: String, at: Date, field: String?, counter: Int, staff: String?, level: Int, reason: String?) {
        (self.id, self.serviceDay, self.at, self.field, self.counter, self.staff, self.level, self.reason) =
            (id, serviceDay, at, field, counter, staff, level, reason)
    }
}

/// A dossier as the province sees it: procedure, times and promise, no citizen.
public struct ReplicatedDossier: Sendable, Equatable {
    public var id: Int64
    public var serviceDay: String
    public var field: String
    public var procedure: String
    public var sameDay: Bool
    public var receivedAt: Date
    public var promisedAt: Date?
    public var returnedAt: Date?
    public var counter: Int?
    public var staff: String?

    public init(
        id: Int64, serviceDay: String, field: String, procedure: String, sameDay: Bool, receivedAt: Date, promisedAt: Date?,
        returnedAt: Date?, counter: Int?, staff: String?
    ) {
        (self.id, self.serviceDay, self.field, self.procedure, self.sameDay) = (id, serviceDay, field, procedure, sameDay)
        (self.receivedAt, self.promisedAt, self.returnedAt, self.counter, self.staff) = (receivedAt, promisedAt, returnedAt, counter, staff)
    }
}

/// A feedback item as the province sees it: its handling, never its text or contact.
public struct ReplicatedFeedback: Sendable, Equatable {
    public var code: String
    public var serviceDay: String
    public var kind: String?
    public var field: String?
    public var status: String
    public var receivedAt: Date
    public var deadline: Date
    public var closedAt: Date?
}

/// A booking's outcome as the province sees it.
public struct ReplicatedBooking: Sendable, Equatable {
    public var code: String
    public var day: String
    public var field: String
    public var state: String
}

/// A batch of the replication log after a cursor: each changed row as it stands now.
public struct LogFeedBatch: Sendable {
    public var ratings: [ReplicatedRating] = []
    public var dossiers: [ReplicatedDossier] = []
    public var feedback: [ReplicatedFeedback] = []
    public var bookings: [ReplicatedBooking] = []
    public var entries = 0
    public var through: Int64

    public init(ratings: [ReplicatedRating] = [], dossiers: [ReplicatedDossier] = [], entries: Int = 0, through: Int64) {
        (self.ratings, self.dossiers, self.entries, self.through) = (ratings, dossiers, entries, through)
    }
}

extension AppDatabase {
    /// Log entries with id > `cursor`, at most `limit`, as the rows they name.
    public func logFeed(after cursor: Int64, limit: Int) async throws -> LogFeedBatch {
        try await writer.read { db in
            let entries = try Row.fetchAll(
                db, sql: "SELECT id, kind, key FROM replicationLog WHERE id > ? ORDER BY id LIMIT ?", arguments: [cursor, limit])
            var batch = LogFeedBatch(entries: entries.count, through: entries.last?["id"] ?? cursor)
            var keys: [String: Set<String>] = [:]
            for entry in entries { keys[entry["kind"], default: []].insert(entry["key"]) }
            let list = { (kind: String) in Array(keys[kind] ?? []) }
            batch.ratings = try Row.fetchAll(
                db, sql: "SELECT * FROM rating WHERE id IN (SELECT value FROM json_each(?))", arguments: [Self.json(list("rating"))]
            ).map { row in
                ReplicatedRating(
                    id: row["id"], serviceDay: row["serviceDay"], at: Millis.date(row["at"]), field: row["field"], counter: row["counter"],
                    staff: row["staff"], level: row["level"], reason: row["reason"])
            }
            batch.dossiers = try Row.fetchAll(
                db, sql: "SELECT * FROM dossier WHERE id IN (SELECT value FROM json_each(?))", arguments: [Self.json(list("dossier"))]
            ).map { row in
                ReplicatedDossier(
                    id: row["id"], serviceDay: row["serviceDay"], field: row["field"], procedure: row["procedure"], sameDay: row["sameDay"],
                    receivedAt: Millis.date(row["receivedAt"]), promisedAt: (row["promisedAt"] as Int64?).map(Millis.date),
                    returnedAt: (row["returnedAt"] as Int64?).map(Millis.date), counter: row["counter"], staff: row["staff"])
            }
            batch.feedback = try Row.fetchAll(
                db, sql: "SELECT * FROM feedback WHERE code IN (SELECT value FROM json_each(?))", arguments: [Self.json(list("feedback"))]
            ).map { row in
                ReplicatedFeedback(
                    code: row["code"], serviceDay: row["serviceDay"], kind: row["kind"], field: row["field"], status: row["status"],
                    receivedAt: Millis.date(row["receivedAt"]), deadline: Millis.date(row["deadline"]),
                    closedAt: (row["closedAt"] as Int64?).map(Millis.date))
            }
            batch.bookings = try Row.fetchAll(
                db, sql: "SELECT code, day, field, state FROM booking WHERE code IN (SELECT value FROM json_each(?))",
                arguments: [Self.json(list("booking"))]
            ).map { ReplicatedBooking(code: $0["code"], day: $0["day"], field: $0["field"], state: $0["state"]) }
            return batch
        }
    }

    static func json(_ keys: [String]) -> String {
        "[" + keys.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ",") + "]"
    }
}
