import Foundation
import Logging
import PostgresNIO
public import QueueStore

/// Applies a centre's batches to the province database. Each batch and the centre's cursor commit in one
/// transaction, so a batch is applied once or not at all; and every row is an upsert of the row's current state,
/// so a batch sent again after a crash (at least once) changes nothing. Rows go in as arrays (`UNNEST`): one
/// statement per kind per batch. Absent values travel as -1 or "" and become NULL in SQL.
extension ProvinceDatabase {
    /// Stores the tickets of one event-log batch and moves the `event` cursor to `batch.through`.
    public func apply(_ batch: TicketFeedBatch, centre: String) async throws {
        let t = batch.tickets
        let logger = logger
        try await withConnection { link in
            try await link.withTransaction(logger: logger) { connection in
                if !t.isEmpty {
                    try await connection.query(
                        """
                        INSERT INTO ticket (centre, id, service_day, field, priority, state, issued_at, first_called_at, ended_at, counter, staff, booked)
                        SELECT \(centre), t.id, t.day::date, t.field, t.priority, t.state, to_timestamp(t.issued / 1000.0),
                          to_timestamp(NULLIF(t.called, -1) / 1000.0), to_timestamp(NULLIF(t.ended, -1) / 1000.0), NULLIF(t.counter, -1),
                          NULLIF(t.staff, ''), t.booked
                        FROM UNNEST(\(t.map(\.id))::bigint[], \(t.map(\.serviceDay))::text[], \(t.map(\.field))::text[],
                          \(t.map(\.priority))::text[], \(t.map(\.state))::text[], \(t.map { Self.millis($0.issuedAt) })::bigint[],
                          \(t.map { Self.millis($0.firstCalledAt) })::bigint[], \(t.map { Self.millis($0.endedAt) })::bigint[],
                          \(t.map { $0.counter ?? -1 })::int[], \(t.map { $0.staff ?? "" })::text[], \(t.map(\.booked))::bool[])
                          AS t(id, day, field, priority, state, issued, called, ended, counter, staff, booked)
                        ON CONFLICT (centre, id) DO UPDATE SET field = EXCLUDED.field, priority = EXCLUDED.priority, state = EXCLUDED.state,
                          first_called_at = EXCLUDED.first_called_at, ended_at = EXCLUDED.ended_at, counter = EXCLUDED.counter,
                          staff = EXCLUDED.staff, booked = EXCLUDED.booked
                        """, logger: logger)
                }
                try await Self.moveCursor(connection, centre: centre, source: "event", to: batch.through, logger: logger)
            }
        }
    }

    static func moveCursor(_ connection: PostgresConnection, centre: String, source: String, to position: Int64, logger: Logger)
        async throws
    {
        try await connection.query(
            """
            INSERT INTO replication_cursor (centre, source, position) VALUES (\(centre), \(source), \(position))
            ON CONFLICT (centre, source) DO UPDATE SET position = GREATEST(replication_cursor.position, EXCLUDED.position)
            """, logger: logger)
    }

    /// Where the province stands with `centre`: the last event-log and replication-log ids it applied.
    public func cursors(centre: String) async throws -> (events: Int64, log: Int64) {
        let logger = logger
        let positions = try await withConnection { connection in
            var positions: [String: Int64] = [:]
            let rows = try await connection.query(
                "SELECT source, position FROM replication_cursor WHERE centre = \(centre)", logger: logger)
            for try await (source, position) in rows.decode((String, Int64).self) { positions[source] = position }
            return positions
        }
        return (positions["event"] ?? 0, positions["log"] ?? 0)
    }

    static func millis(_ date: Date?) -> Int64 { date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? -1 }
}
