public import Foundation
import GRDB
public import QueueCore

/// A staff, supervisor or admin account (the password only as its hash).
public struct User: Codable, Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var role: Role
    public var counter: Int?
}

extension AppDatabase {
    /// Adds an account; `passwordHash` comes from a KDF, never a plain password.
    public func addUser(username: String, role: Role, counter: Int?, passwordHash: String, at now: Date) async throws -> User {
        try await writer.write { db in
            if let counter { _ = try counterRow(db, counter) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE username = ?", arguments: [username]) == true {
                throw QueueError(
                    .conflict, message: "Tên đăng nhập “\(username)” đã tồn tại.",
                    englishMessage: "Username '\(username)' already exists.")
            }
            try db.execute(
                sql: "INSERT INTO user (username, role, counter, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [username, role.rawValue, counter, passwordHash, Millis.of(now)])
            return User(id: db.lastInsertedRowID, username: username, role: role, counter: counter)
        }
    }

    public func users() async throws -> [User] {
        try await writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY username").map(Self.user) }
    }

    public func deleteUser(username: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM user WHERE username = ?", arguments: [username])
            if db.changesCount == 0 {
                throw QueueError(.unknownUser, message: "Không có tài khoản “\(username)”.", englishMessage: "No user '\(username)'.")
            }
        }
    }

    /// The account and its stored password hash, for sign-in.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE username = ?", arguments: [username]).map {
                (Self.user($0), $0["passwordHash"])
            }
        }
    }

    public func createSession(tokenHash: String, user: Int64, expiresAt: Date, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM authSession WHERE expiresAt < ?", arguments: [Millis.of(now)])
            try db.execute(
                sql: "INSERT INTO authSession (tokenHash, user, expiresAt) VALUES (?, ?, ?)",
                arguments: [tokenHash, user, Millis.of(expiresAt)])
        }
    }

    public func sessionUser(tokenHash: String, at now: Date) async throws -> User? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT user.* FROM authSession JOIN user ON user.id = authSession.user WHERE tokenHash = ? AND expiresAt > ?",
                arguments: [tokenHash, Millis.of(now)]
            ).map(Self.user)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM authSession WHERE tokenHash = ?", arguments: [tokenHash]) }
    }

    static func user(_ row: Row) -> User {
        User(id: row["id"], username: row["username"], role: Role(rawValue: row["role"]) ?? .staff, counter: row["counter"])
    }
}
