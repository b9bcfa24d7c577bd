public import Foundation
import Logging
import PostgresNIO

/// The province office app's own accounts (not the centres' staff): an `admin` adds accounts, a `viewer` reads the
/// officer drill-down. Passwords are stored as bcrypt hashes, sessions as the SHA-256 of their bearer token.
public struct OfficeUser: Sendable, Equatable, Codable {
    /// What an office account may do.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case admin
        case viewer
    }

    public var username: String
    public var role: Role
    public var passwordHash: String

    public init(username: String, role: Role, passwordHash: String) {
        self.username = username
        self.role = role
        self.passwordHash = passwordHash
    }
}

extension ProvinceDatabase {
    /// Adds an account; an existing username is refused in words (nothing is overwritten).
    public func addOfficeUser(_ user: OfficeUser) async throws {
        let logger = logger
        let added = try await withConnection { connection in
            let rows = try await connection.query(
                """
                INSERT INTO office_user (username, role, password_hash) VALUES (\(user.username), \(user.role.rawValue), \(user.passwordHash))
                ON CONFLICT (username) DO NOTHING RETURNING username
                """, logger: logger)
            var count = 0
            for try await _ in rows.decode(String.self) { count += 1 }
            return count
        }
        guard added == 1 else {
            throw ProvinceError("Tài khoản “\(user.username)” đã có.", "Account '\(user.username)' already exists.")
        }
    }

    public func officeUser(_ username: String) async throws -> OfficeUser? {
        let logger = logger
        return try await withConnection { connection in
            let rows = try await connection.query(
                "SELECT username, role, password_hash FROM office_user WHERE username = \(username)", logger: logger)
            for try await (name, role, hash) in rows.decode((String, String, String).self) {
                return OfficeUser(username: name, role: OfficeUser.Role(rawValue: role) ?? .viewer, passwordHash: hash)
            }
            return nil
        }
    }

    /// Stores a session (the token's hash) until `expires`; expired sessions are dropped on the way.
    public func openOfficeSession(tokenHash: String, username: String, expires: Date, now: Date) async throws {
        let logger = logger
        try await withConnection { connection in
            try await connection.query("DELETE FROM office_session WHERE expires_at <= \(now)", logger: logger)
            try await connection.query(
                "INSERT INTO office_session (token_hash, username, expires_at) VALUES (\(tokenHash), \(username), \(expires))",
                logger: logger)
        }
    }

    /// The account behind a session still open at `now`, or nil.
    public func officeSession(tokenHash: String, now: Date) async throws -> OfficeUser? {
        let logger = logger
        return try await withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT u.username, u.role, u.password_hash FROM office_session s JOIN office_user u ON u.username = s.username
                WHERE s.token_hash = \(tokenHash) AND s.expires_at > \(now)
                """, logger: logger)
            for try await (name, role, hash) in rows.decode((String, String, String).self) {
                return OfficeUser(username: name, role: OfficeUser.Role(rawValue: role) ?? .viewer, passwordHash: hash)
            }
            return nil
        }
    }

    /// Ends a session at once (sign-out); an unknown token changes nothing.
    public func closeOfficeSession(tokenHash: String) async throws {
        let logger = logger
        try await withConnection { connection in
            _ = try await connection.query("DELETE FROM office_session WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }
}
