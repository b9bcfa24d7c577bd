import Logging
import NIOCore
import PostgresNIO

extension ProvinceDatabase {
    /// Loads rows with `COPY … FROM STDIN` (text format: tab-separated, `\N` for NULL, one line per row), streamed
    /// in chunks of about 1 MB — the way `make bench-province` loads a month or a year of history. The tables'
    /// triggers run as for any insert, so the day rollup is kept. `table` and `columns` are trusted names.
    public func copy(into table: String, columns: [String], lines: some Sequence<String> & Sendable) async throws {
        let logger = logger
        try await withConnection { connection in
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                var chunk = ByteBuffer()
                chunk.reserveCapacity(1 << 20)
                for line in lines {
                    chunk.writeString(line)
                    chunk.writeInteger(UInt8(ascii: "\n"))
                    if chunk.readableBytes >= 1 << 20 {
                        try await writer.write(chunk)
                        chunk.clear()
                    }
                }
                if chunk.readableBytes > 0 { try await writer.write(chunk) }
            }
        }
    }

    /// Runs one trusted statement (bench set-up and measurement queries that return nothing).
    public func execute(_ sql: String) async throws {
        let logger = logger
        try await withConnection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// Each centre's highest ticket id of `day` (the bench's lag poller).
    public func newestTickets(day: String) async throws -> [String: Int64] {
        let logger = logger
        return try await withConnection { connection in
            var newest: [String: Int64] = [:]
            let rows = try await connection.query(
                "SELECT centre, MAX(id) FROM ticket WHERE service_day = \(day)::date GROUP BY centre", logger: logger)
            for try await (centre, id) in rows.decode((String, Int64).self) { newest[centre] = id }
            return newest
        }
    }
}
