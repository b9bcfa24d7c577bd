public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Moves a staff account to `counter` (a supervisor's live action), audited as a user update. Refused while
    /// the officer still has a citizen called or served at their current counter, so nobody is left stranded.
    public func moveOfficer(username: String, to counter: Int, audit: AuditStamp, at now: Date) async throws -> User {
        let user = try await writer.read { db in
            let user = try existingUser(db, username)
            guard user.role == .staff else {
                throw QueueError.invalid(
                    "Chỉ chuyển được tài khoản cán bộ; “\(username)” là \(user.role.rawValue).",
                    "Only staff accounts are moved between counters; '\(username)' is \(user.role.rawValue).")
            }
            _ = try counterRow(db, counter)
            if let from = user.counter,
                let busy = try String.fetchOne(
                    db, sql: "SELECT label FROM ticket WHERE counter = ? AND staff = ? AND state IN ('called', 'serving') LIMIT 1",
                    arguments: [from, username])
            {
                throw QueueError(
                    .counterBusy, message: "“\(username)” đang phục vụ phiếu \(busy) ở quầy \(from); hãy hoàn thành trước khi chuyển.",
                    englishMessage: "'\(username)' is serving \(busy) at counter \(from); finish it before the move.")
            }
            return user
        }
        return try await updateUser(
            username: user.username, role: .staff, counter: counter, passwordHash: nil, by: nil, audit: audit, at: now)
    }
}
