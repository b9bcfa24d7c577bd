import Logging
import NIOSSL
import PostgresNIO

/// One PostgreSQL connection, made when first needed and closed after any error, so the next use connects afresh:
/// a province server that restarted is reached again on the very next try (a pool would back off first).
actor DirectConnection {
    let url: ProvinceURL
    let logger: Logger
    var connection: PostgresConnection?
    var nextID = 1

    init(url: ProvinceURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// Closes the connection (PostgresNIO requires it before the connection is released).
    func close() async {
        guard let connection else { return }
        self.connection = nil
        do { try await connection.close() } catch { logger.debug("Province connection closed with an error: \(error)") }
    }

    func with<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let current: PostgresConnection
        if let connection, !connection.isClosed {
            current = connection
        } else {
            nextID += 1
            current = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: nextID, logger: logger)
            connection = current
        }
        do {
            return try await body(current)
        } catch {
            await close()
            throw error
        }
    }
}
