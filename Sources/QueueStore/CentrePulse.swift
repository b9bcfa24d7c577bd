public import Foundation
import GRDB
import QueueCore

/// The centre right now, as the province's live list shows it: figures only.
public struct CentrePulse: Sendable, Equatable {
    public var name: String
    /// The centre's own service day (the training day on a training clock).
    public var serviceDay: String
    public var issuedToday: Int
    public var servedToday: Int
    public var waiting: Int
    /// Counters not paused with an officer signed to them.
    public var openCounters: Int
    /// How long the longest-waiting citizen has waited so far.
    public var longestWaitSeconds: Int
}

extension AppDatabase {
    public func centrePulse(at now: Date) async throws -> CentrePulse {
        try await writer.read { db in
            let day = VietnamTime.serviceDay(of: now)
            let tickets = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(state = 'done'), 0), COALESCE(SUM(state = 'waiting'), 0),
                      MIN(CASE WHEN state = 'waiting' THEN issuedAt END)
                    FROM ticket WHERE serviceDay = ?
                    """, arguments: [day])
            let oldest: Int64? = tickets?[3]
            let open =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM counter WHERE NOT paused AND number IN (SELECT counter FROM user WHERE counter IS NOT NULL)")
                ?? 0
            return CentrePulse(
                name: try String.fetchOne(db, sql: "SELECT name FROM centre WHERE id = 1") ?? "",
                serviceDay: day, issuedToday: tickets?[0] ?? 0, servedToday: tickets?[1] ?? 0, waiting: tickets?[2] ?? 0,
                openCounters: open,
                longestWaitSeconds: oldest.map { max(0, Int(now.timeIntervalSince(Millis.date($0)))) } ?? 0)
        }
    }
}
