import Foundation
import Logging
import PostgresNIO
public import QueueStore

/// Applies a replication-log batch: ratings, dossiers, feedback and bookings as they stand now, upserted, with the
/// `log` cursor in the same transaction (see `apply(_:centre:)` for tickets).
extension ProvinceDatabase {
    public func apply(_ batch: LogFeedBatch, centre: String) async throws {
        let logger = logger
        try await withConnection { link in
            try await link.withTransaction(logger: logger) { connection in
                let r = batch.ratings
                if !r.isEmpty {
                    try await connection.query(
                        """
                        INSERT INTO rating (centre, id, service_day, at, field, counter, staff, level, reason)
                        SELECT \(centre), r.id, r.day::date, to_timestamp(r.at / 1000.0), NULLIF(r.field, ''), r.counter,
                          NULLIF(r.staff, ''), r.level, NULLIF(r.reason, '')
                        FROM UNNEST(\(r.map(\.id))::bigint[], \(r.map(\.serviceDay))::text[], \(r.map { Self.millis($0.at) })::bigint[],
                          \(r.map { $0.field ?? "" })::text[], \(r.map(\.counter))::int[], \(r.map { $0.staff ?? "" })::text[],
                          \(r.map(\.level))::int[], \(r.map { $0.reason ?? "" })::text[])
                          AS r(id, day, at, field, counter, staff, level, reason)
                        ON CONFLICT (centre, id) DO UPDATE SET reason = EXCLUDED.reason, field = EXCLUDED.field, staff = EXCLUDED.staff
                        """, logger: logger)
                }
                let d = batch.dossiers
                if !d.isEmpty {
                    try await connection.query(
                        """
                        INSERT INTO dossier (centre, id, service_day, field, procedure, same_day, received_at, promised_at, returned_at, counter, staff)
                        SELECT \(centre), d.id, d.day::date, d.field, d.procedure, d.same_day, to_timestamp(d.received / 1000.0),
                          to_timestamp(NULLIF(d.promised, -1) / 1000.0), to_timestamp(NULLIF(d.returned, -1) / 1000.0),
                          NULLIF(d.counter, -1), NULLIF(d.staff, '')
                        FROM UNNEST(\(d.map(\.id))::bigint[], \(d.map(\.serviceDay))::text[], \(d.map(\.field))::text[],
                          \(d.map(\.procedure))::text[], \(d.map(\.sameDay))::bool[], \(d.map { Self.millis($0.receivedAt) })::bigint[],
                          \(d.map { Self.millis($0.promisedAt) })::bigint[], \(d.map { Self.millis($0.returnedAt) })::bigint[],
                          \(d.map { $0.counter ?? -1 })::int[], \(d.map { $0.staff ?? "" })::text[])
                          AS d(id, day, field, procedure, same_day, received, promised, returned, counter, staff)
                        ON CONFLICT (centre, id) DO UPDATE SET promised_at = EXCLUDED.promised_at, returned_at = EXCLUDED.returned_at
                        """, logger: logger)
                }
                try await Self.applyFeedback(batch.feedback, connection: connection, centre: centre, logger: logger)
                let b = batch.bookings
                if !b.isEmpty {
                    try await connection.query(
                        """
                        INSERT INTO booking (centre, code, day, field, state)
                        SELECT \(centre), b.code, b.day::date, b.field, b.state
                        FROM UNNEST(\(b.map(\.code))::text[], \(b.map(\.day))::text[], \(b.map(\.field))::text[], \(b.map(\.state))::text[])
                          AS b(code, day, field, state)
                        ON CONFLICT (centre, code) DO UPDATE SET state = EXCLUDED.state
                        """, logger: logger)
                }
                try await Self.moveCursor(connection, centre: centre, source: "log", to: batch.through, logger: logger)
            }
        }
    }

    static func applyFeedback(_ f: [ReplicatedFeedback], connection: PostgresConnection, centre: String, logger: Logger) async throws {
        guard !f.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO feedback (centre, code, service_day, kind, field, status, received_at, deadline, closed_at)
            SELECT \(centre), f.code, f.day::date, NULLIF(f.kind, ''), NULLIF(f.field, ''), f.status, to_timestamp(f.received / 1000.0),
              to_timestamp(f.deadline / 1000.0), to_timestamp(NULLIF(f.closed, -1) / 1000.0)
            FROM UNNEST(\(f.map(\.code))::text[], \(f.map(\.serviceDay))::text[], \(f.map { $0.kind ?? "" })::text[],
              \(f.map { $0.field ?? "" })::text[], \(f.map(\.status))::text[], \(f.map { millis($0.receivedAt) })::bigint[],
              \(f.map { millis($0.deadline) })::bigint[], \(f.map { millis($0.closedAt) })::bigint[])
              AS f(code, day, kind, field, status, received, deadline, closed)
            ON CONFLICT (centre, code) DO UPDATE SET kind = EXCLUDED.kind, field = EXCLUDED.field, status = EXCLUDED.status,
              closed_at = EXCLUDED.closed_at
            """, logger: logger)
    }
}
