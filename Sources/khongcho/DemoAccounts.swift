import DeviceIO
import Foundation
import Hall
import Logging
import QueueCore
import QueueStore
import WebAPI

/// Demo accounts for `make run`, so a first-time user can try every page. Created only when no account exists.
enum DemoAccounts {
    static let password = "khongcho-demo"

    static func create(in database: AppDatabase, logger: Logger) async throws {
        guard try await database.users().isEmpty else { return }
        // Low bcrypt cost only for these throwaway demo accounts, to keep first start fast.
        let hasher = PasswordHasher(cost: 8)
        let hash = hasher.hash(password)
        let now = Date()
        _ = try await database.addUser(username: "admin", role: .admin, counter: nil, passwordHash: hash, at: now)
        _ = try await database.addUser(username: "giamsat", role: .supervisor, counter: nil, passwordHash: hash, at: now)
        for counter in try await database.catalog().counters {
            _ = try await database.addUser(
                username: "quay\(counter.number)", role: .staff, counter: counter.number, passwordHash: hash, at: now)
        }
        logger.warning("Demo accounts created (admin, giamsat, quay1…): password '\(password)'. Change them before real use.")
    }
}
