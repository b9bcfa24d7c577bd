public import Foundation
import GRDB
public import QueueCore

/// A staff, supervisor or admin account (the password only as its hash).
public struct User: Codable, Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var role: Role
    public var counter: Int?
    /// The officer's name as citizens and reports should read it ("Nguyễn Thị Lan"); `nil` until an admin sets it.
    public var displayName: String?
}

extension AppDatabase {
    /// Adds an account; `passwordHash` comes from a KDF, never a plain password. With `audit`, the new account
    /// (without its hash) is written to the audit log in the same transaction.
    public func addUser(
        username: String, role: Role, counter: Int?, passwordHash: String, displayName: String? = nil, at now: Date,
        audit: AuditStamp? = nil
    ) async throws -> User {
        try await writer.write { db in
            if let counter { _ = try counterRow(db, counter) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE username = ?", arguments: [username]) == true {
                throw QueueError(
                    .conflict, message: "Tên đăng nhập “\(username)” đã tồn tại.",
                    englishMessage: "Username '\(username)' already exists.")
            }
            try db.execute(
                sql: "INSERT INTO user (username, role, counter, passwordHash, createdAt, displayName) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [username, role.rawValue, counter, passwordHash, Millis.of(now), displayName])
            let user = User(id: db.lastInsertedRowID, username: username, role: role, counter: counter, displayName: displayName)
            if let audit {
                try appendAudit(db, .userCreated, target: username, before: nil, after: try Self.auditJSON(user), by: audit, at: now)
            }
            return user
        }
    }

    /// Usernames with the display names set for them, for reports and letters.
    public func displayNames() async throws -> [String: String] {
        try await writer.read { db in try Self.displayNames(db) }
    }

    static func displayNames(_ db: Database) throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT username, displayName FROM user WHERE displayName IS NOT NULL") {
            names[row["username"]] = row["displayName"]
        }
        return names
    }

    public func users() async throws -> [User] {
        try await writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY username").map(Self.user) }
    }

    /// Deletes an account and its sessions. `actor` (the admin's account id; `nil` from the command line) may
    /// not delete itself, and the last admin is never deleted (409).
    public func deleteUser(username: String, by actor: Int64?, audit: AuditStamp? = nil, at now: Date) async throws {
        try await writer.write { db in
            let user = try existingUser(db, username)
            if user.id == actor {
                throw QueueError(
                    .conflict, message: "Không thể tự xóa tài khoản của chính mình; hãy nhờ một quản trị viên khác.",
                    englishMessage: "You cannot delete your own account; ask another admin.")
            }
            if user.role == .admin { try requireAnotherAdmin(db, besides: user) }
            try db.execute(sql: "DELETE FROM user WHERE id = ?", arguments: [user.id])
            if let audit {
                try appendAudit(db, .userDeleted, target: user.username, before: try Self.auditJSON(user), after: nil, by: audit, at: now)
            }
        }
    }

    /// Changes an account's role and counter, its display name when `displayName` is given (empty clears it),
    /// and its password when `passwordHash` is given (which also ends its sessions). An admin may not change
    /// their own role, and the last admin keeps theirs (409).
    public func updateUser(
        username: String, role: Role, counter: Int?, passwordHash: String?, displayName: String? = nil, by actor: Int64?,
        audit: AuditStamp? = nil, at now: Date
    ) async throws -> User {
        try await writer.write { db in
            let user = try existingUser(db, username)
            if let counter { _ = try counterRow(db, counter) }
            if user.role == .admin, role != .admin {
                if user.id == actor {
                    throw QueueError(
                        .conflict, message: "Không thể tự hạ quyền quản trị của chính mình; hãy nhờ một quản trị viên khác.",
                        englishMessage: "You cannot take away your own admin role; ask another admin.")
                }
                try requireAnotherAdmin(db, besides: user)
            }
            try db.execute(sql: "UPDATE user SET role = ?, counter = ? WHERE id = ?", arguments: [role.rawValue, counter, user.id])
            if let passwordHash {
                try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [passwordHash, user.id])
                try db.execute(sql: "DELETE FROM authSession WHERE user = ?", arguments: [user.id])
            }
            let name = displayName.map { $0.isEmpty ? nil : $0 } ?? user.displayName
            try db.execute(sql: "UPDATE user SET displayName = ? WHERE id = ?", arguments: [name, user.id])
            let updated = User(id: user.id, username: user.username, role: role, counter: counter, displayName: name)
            if let audit {
                let after = UserChange(user: updated, passwordChanged: passwordHash != nil)
                try appendAudit(
                    db, .userUpdated, target: user.username, before: try Self.auditJSON(user), after: try Self.auditJSON(after), by: audit,
                    at: now)
            }
            return updated
        }
    }

    func existingUser(_ db: Database, _ username: String) throws -> User {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE username = ?", arguments: [username]) else {
            throw QueueError(.unknownUser, message: "Không có tài khoản “\(username)”.", englishMessage: "No user '\(username)'.")
        }
        return Self.user(row)
    }

    func requireAnotherAdmin(_ db: Database, besides user: User) throws {
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE role = 'admin' AND id <> ?", arguments: [user.id]) ?? 0
        guard others > 0 else {
            throw QueueError(
                .conflict,
                message: "“\(user.username)” là quản trị viên cuối cùng; hãy tạo một quản trị viên khác trước khi xóa hoặc hạ quyền.",
                englishMessage: "'\(user.username)' is the last admin; create another admin before removing or demoting this one.")
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

    /// Starts a session for a signed-in user; with `audit`, the sign-in is logged in the same transaction.
    public func createSession(tokenHash: String, user: User, expiresAt: Date, now: Date, audit: AuditStamp? = nil) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM authSession WHERE expiresAt < ?", arguments: [Millis.of(now)])
            try db.execute(
                sql: "INSERT INTO authSession (tokenHash, user, expiresAt) VALUES (?, ?, ?)",
                arguments: [tokenHash, user.id, Millis.of(expiresAt)])
            if let audit { try appendAudit(db, .loginSucceeded, target: user.username, before: nil, after: nil, by: audit, at: now) }
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

    /// Ends a session; returns whether it existed. With `audit`, the sign-out is logged in the same transaction.
    @discardableResult
    public func deleteSession(tokenHash: String, audit: AuditStamp? = nil, at now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM authSession WHERE tokenHash = ?", arguments: [tokenHash])
            guard db.changesCount > 0 else { return false }
            if let audit { try appendAudit(db, .logout, target: audit.actor, before: nil, after: nil, by: audit, at: now) }
            return true
        }
    }

    static func user(_ row: Row) -> User {
        User(
            id: row["id"], username: row["username"], role: Role(rawValue: row["role"]) ?? .staff, counter: row["counter"],
            displayName: row["displayName"])
    }
}

/// An account as the audit log keeps a change to it: never the password, only whether it changed.
struct UserChange: Encodable {
    let id: Int64
    let username: String
    let role: Role
    let counter: Int?
    let displayName: String?
    let passwordChanged: Bool

    init(user: User, passwordChanged: Bool) {
        id = user.id
        username = user.username
        role = user.role
        counter = user.counter
        displayName = user.displayName
        self.passwordChanged = passwordChanged
    }
}
