import NIOConcurrencyHelpers
public import QueueCore
public import QueueStore

/// The booking settings in force, replaceable while the server runs: the admin edits them on `/admin` (stored
/// as the `booking` hall setting); slot lists, bookings and the kiosk's walk-in cap follow at once. Held in
/// memory so the ticket path never reads the store for them.
public final class BookingRules: Sendable {
    private let state: NIOLockedValueBox<BookingSettings>

    public init(_ settings: BookingSettings = BookingSettings()) { state = NIOLockedValueBox(settings) }

    public var current: BookingSettings { state.withLockedValue { $0 } }

    public func install(_ settings: BookingSettings) { state.withLockedValue { $0 = settings } }

    /// The stored settings, or a new centre's defaults.
    public static func load(from database: AppDatabase) async throws -> BookingRules {
        BookingRules(try await database.hallSetting(.booking, as: BookingSettings.self) ?? BookingSettings())
    }
}
