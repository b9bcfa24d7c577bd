public import Foundation
import Hall
public import QueueCore
public import QueueStore
public import WebAPI

/// A whole hall for tests: in-memory store seeded with a small catalog, a manual clock, and a staff member
/// per counter plus a supervisor and an admin (password `secret-pass`, cheap bcrypt cost).
public struct TestHall: Sendable {
    public let database: AppDatabase
    public let clock: ManualClock
    public let settings: ServerSettings
    public static let password = "secret-pass"

    public init(
        catalog: Catalog = CatalogBuilder.small(), start: String = "2026-03-02 08:00", issueRateLimit: Int = 0,
        priorityRule: PriorityRule = PriorityRule()
    ) async throws {
        database = try AppDatabase.inMemory(priorityRule: priorityRule)
        try database.seedCatalogIfEmpty(catalog)
        clock = ManualClock(vietnam: start)
        var settings = ServerSettings(assetsDirectory: Self.repositoryAssets)
        settings.issueRateLimit = issueRateLimit
        settings.passwordHasher = PasswordHasher(cost: 4)
        settings.calendar = try CalendarFiles.load(
            directory: Self.repositoryAssets.appendingPathComponent("calendar"), sessions: catalog.sessions)
        self.settings = settings
        let hash = settings.passwordHasher.hash(Self.password)
        _ = try await database.addUser(username: "admin", role: .admin, counter: nil, passwordHash: hash, at: clock.now())
        _ = try await database.addUser(username: "giamsat", role: .supervisor, counter: nil, passwordHash: hash, at: clock.now())
        for counter in catalog.counters {
            _ = try await database.addUser(
                username: "quay\(counter.number)", role: .staff, counter: counter.number, passwordHash: hash, at: clock.now())
        }
    }

    public func app() -> KioskApp {
        KioskApp(database: database, settings: settings, clock: clock)
    }

    /// The root of this checkout, found from this source file's path.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `assets/` of this checkout.
    public static var repositoryAssets: URL { repositoryRoot.appendingPathComponent("assets") }

    public func staff(_ counter: Int) -> StaffActor { StaffActor(username: "quay\(counter)", counter: counter) }
    public var supervisor: StaffActor { StaffActor(username: "giamsat", counter: nil) }
}
