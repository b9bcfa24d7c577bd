import Foundation
public import Logging
public import PostgresNIO

/// The province's PostgreSQL and its schema migrations. A centre's replicator holds one connection of its own
/// (`direct`), dropped on any error and made again on the next try, so a restarted server is used again at once;
/// the province app reads through a pool (`pooled`, whose `client` must run as a service).
/// `sslmode=require` is demanded for any host but loopback; on loopback the URL decides.
public struct ProvinceDatabase: Sendable {
    enum Link: Sendable {
        case pool(PostgresClient)
        case direct(DirectConnection)
    }

    let link: Link
    let logger: Logger

    /// A pooled database for the province app; run `client` in the service group.
    public static func pooled(url: String, logger: Logger) throws(ProvinceError) -> ProvinceDatabase {
        ProvinceDatabase(
            link: .pool(PostgresClient(configuration: try ProvinceURL(url).configuration(), backgroundLogger: logger)), logger: logger)
    }

    /// One reconnecting connection, for a centre's replicator.
    public static func direct(url: String, logger: Logger) throws(ProvinceError) -> ProvinceDatabase {
        ProvinceDatabase(link: .direct(DirectConnection(url: try ProvinceURL(url), logger: logger)), logger: logger)
    }

    /// The pool to run as a service (nil for a direct connection).
    public var client: PostgresClient? {
        if case .pool(let client) = link { return client }
        return nil
    }

    /// Closes a direct connection; a pool closes when its service ends.
    public func close() async {
        if case .direct(let direct) = link { await direct.close() }
    }

    func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        switch link {
        case .pool(let client): try await client.withConnection { try await body($0) }
        case .direct(let direct): try await direct.with(body)
        }
    }

    /// Applies the migrations this build knows and the database lacks, each in its own transaction, under an
    /// advisory lock. A database already newer than this build is refused in words. `version` stops earlier (tests
    /// build a database as the previous release left it).
    public func migrate(through version: Int = ProvinceSchema.current) async throws {
        try await withConnection { [self] connection in
            try await connection.query("SELECT pg_advisory_lock(7221)", logger: logger)
            do {
                try await applyMigrations(connection, through: version)
                try await connection.query("SELECT pg_advisory_unlock(7221)", logger: logger)
            } catch {
                try await connection.query("SELECT pg_advisory_unlock(7221)", logger: logger)
                throw error
            }
        }
    }

    func applyMigrations(_ connection: PostgresConnection, through version: Int) async throws {
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS schema_migration (version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            logger: logger)
        var applied = Set<Int>()
        for try await version in try await connection.query("SELECT version FROM schema_migration", logger: logger).decode(Int.self) {
            applied.insert(version)
        }
        if let newest = applied.max(), newest > ProvinceSchema.current {
            throw ProvinceError(
                "Cơ sở dữ liệu tỉnh ở phiên bản lược đồ \(newest), mới hơn bản này (\(ProvinceSchema.current)); hãy cập nhật KhôngChờ.",
                "The province database is at schema version \(newest), newer than this build's \(ProvinceSchema.current); update KhôngChờ.")
        }
        for migration in ProvinceSchema.migrations where !applied.contains(migration.version) && migration.version <= version {
            try await connection.withTransaction(logger: logger) { transaction in
                // One statement per query: the extended protocol takes no more.
                for statement in ProvinceSchema.statements(migration.sql) {
                    try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await transaction.query(
                    "INSERT INTO schema_migration (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
            }
            logger.info("Province schema migrated", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
        }
    }
}

/// A province-mode failure the operator can act on, in both languages.
public struct ProvinceError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let messageEn: String

    public init(_ message: String, _ messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }

    public var description: String { messageEn }
}
