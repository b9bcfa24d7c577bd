public import DeviceProtocols
import Foundation
import NIOConcurrencyHelpers
import QueueCore
public import QueueStore

/// How the hall presents itself on paper, read by every print: the centre's name, the footer line and the
/// logo. The admin page changes them while the server runs (`reload`), so the next ticket shows the change.
public final class HallLook: Sendable {
    /// What a ticket prints at its head and foot.
    public struct Current: Sendable, Equatable {
        public var centreName: String
        public var footer: String
        public var logo: PNGImage?

        public init(centreName: String, footer: String = "", logo: PNGImage? = nil) {
            self.centreName = centreName
            self.footer = footer
            self.logo = logo
        }
    }

    private let state: NIOLockedValueBox<Current>

    public init(_ current: Current) { state = NIOLockedValueBox(current) }

    public convenience init(centreName: String) { self.init(Current(centreName: centreName)) }

    /// The look stored in `database` (catalog name, identity, logo).
    public static func load(from database: AppDatabase) async throws -> HallLook {
        let look = HallLook(centreName: "")
        try await look.reload(from: database)
        return look
    }

    public var current: Current { state.withLockedValue { $0 } }

    /// Re-reads the name, footer and logo after an admin saved them.
    public func reload(from database: AppDatabase) async throws {
        let name = try await database.catalog().centreName
        let identity = try await database.hallSetting(.identity, as: HallIdentity.self) ?? HallIdentity()
        let logo = try await Self.logo(in: database)
        state.withLockedValue { $0 = Current(centreName: name, footer: identity.footer, logo: logo) }
    }

    /// The stored logo's PNG bytes, `nil` when the hall has none.
    public static func logoPNG(in database: AppDatabase) async throws -> [UInt8]? {
        guard let base64 = try await database.hallSetting(.logo, as: String.self) else { return nil }
        guard let data = Data(base64Encoded: base64) else {
            throw QueueStore.StoreError(
                .corruptDatabase, "Logo đã lưu bị hỏng; hãy tải logo lên lại.", "The stored logo is damaged; upload it again.")
        }
        return [UInt8](data)
    }

    static func logo(in database: AppDatabase) async throws -> PNGImage? {
        try await logoPNG(in: database).map { try PNGReader.decode($0) }
    }
}
