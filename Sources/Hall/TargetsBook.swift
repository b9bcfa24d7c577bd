public import Foundation
import NIOConcurrencyHelpers
public import QueueStore

/// The no-wait targets in force, replaceable while the server runs: the admin edits them on `/admin`
/// (stored as the `targets` hall setting, over `assets/targets.json`), and the next alert check, dashboard
/// read and report use them without a restart.
public final class TargetsBook: Sendable {
    private let state: NIOLockedValueBox<ServiceTargets>

    public init(_ targets: ServiceTargets = ServiceTargets()) { state = NIOLockedValueBox(targets) }

    public var current: ServiceTargets { state.withLockedValue { $0 } }

    public func install(_ targets: ServiceTargets) { state.withLockedValue { $0 = targets } }

    /// The shipped file's targets, replaced by the admin's when stored.
    public static func load(file: URL, database: AppDatabase) async throws -> TargetsBook {
        TargetsBook(try await database.hallSetting(.targets, as: ServiceTargets.self) ?? ServiceTargets.load(file))
    }
}
