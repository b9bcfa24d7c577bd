import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Accounts in the store")
struct UserStoreTests {
    /// The last admin is never deleted or demoted, whoever asks (the command line, or an admin whose own
    /// account another admin removed a moment earlier); with a second admin it works.
    @Test func theLastAdminStays() async throws {
        let hall = try await TestHall()
        let database = hall.database
        let now = hall.clock.now()
        for actor: Int64? in [nil, 999] {
            await #expect(throws: QueueError.self) { try await database.deleteUser(username: "admin", by: actor, at: now) }
            await #expect(throws: QueueError.self) {
                _ = try await database.updateUser(username: "admin", role: .supervisor, counter: nil, passwordHash: nil, by: actor, at: now)
            }
        }
        let error = await #expect(throws: QueueError.self) { try await database.deleteUser(username: "admin", by: nil, at: now) }
        #expect(error?.code == .conflict)
        #expect(error?.message.contains("quản trị viên cuối cùng") == true)
        #expect(error?.englishMessage.contains("last admin") == true)
        #expect(try await database.users().filter { $0.role == .admin }.map(\.username) == ["admin"])
        let second = try await database.addUser(username: "admin2", role: .admin, counter: nil, passwordHash: "x", at: now)
        #expect(
            try await database.updateUser(username: "admin", role: .staff, counter: 1, passwordHash: nil, by: second.id, at: now).role
                == .staff)
        await #expect(throws: QueueError.self) { try await database.deleteUser(username: "admin2", by: nil, at: now) }
    }

    /// Audited account changes are written with the change, newest first, never with a password hash.
    @Test func accountChangesAreAudited() async throws {
        let hall = try await TestHall()
        let stamp = AuditStamp(actor: "admin", client: "192.0.2.10")
        let now = hall.clock.now()
        _ = try await hall.database.addUser(username: "lan", role: .staff, counter: 1, passwordHash: "$2b$04$hash", at: now, audit: stamp)
        _ = try await hall.database.updateUser(
            username: "lan", role: .staff, counter: 2, passwordHash: "$2b$04$other", by: nil, audit: stamp, at: now)
        try await hall.database.deleteUser(username: "lan", by: nil, audit: stamp, at: now)
        let entries = try await hall.database.auditEntries(limit: 10)
        #expect(entries.map(\.action) == [.userDeleted, .userUpdated, .userCreated])
        #expect(entries.allSatisfy { $0.actor == "admin" && $0.client == "192.0.2.10" && $0.target == "lan" && $0.at == now })
        #expect(entries[1].before?.contains(#""counter":1"#) == true)
        #expect(entries[1].after?.contains(#""counter":2"#) == true)
        #expect(!entries.contains { ($0.before ?? "").contains("$2b$") || ($0.after ?? "").contains("$2b$") })
    }
}
