import DeviceProtocols
import Foundation
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// How the hall presents itself, set by the admin: the centre's name, a footer line for tickets and the
/// screen, the ticker's announcement and a logo (PNG). Saved, audited and live at once: the next ticket
/// prints it and hall screens redraw (`event: hall`). The logo is public (`/api/v1/hall/logo.png`).
struct HallIdentityRoutes {
    let database: AppDatabase
    let look: HallLook
    let clock: any WallClock
    let events: HallEventHub

    /// The largest logo accepted: a ticket prints it about 260 dots wide, a screen about 200 px tall.
    static let maximumLogoBytes = 256 * 1024
    static let maximumLogoSide = 2000

    struct Identity: Codable, Sendable {
        let centreName: String
        let footer: String
        let announcement: String
        /// Where the logo is served, `nil` when the hall has none (answers only).
        var logo: String?
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/identity") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(try await current())
        }
        routes.add(.put, "/api/v1/admin/identity") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decode(as: Identity.self, context: context)
            for (value, name) in [(body.centreName, "centreName"), (body.footer, "footer"), (body.announcement, "announcement")] {
                try TextInput.check(value, name)
            }
            let identity = HallIdentity(
                footer: body.footer.trimmingCharacters(in: .whitespaces),
                announcement: body.announcement.trimmingCharacters(in: .whitespaces))
            try identity.validate()
            let name = body.centreName.trimmingCharacters(in: .whitespaces)
            let now = clock.now()
            if name != look.current.centreName {
                _ = try await database.editCatalog(
                    at: now, audit: CatalogAudit(action: .catalogReplaced, part: .whole, stamp: context.auditStamp)
                ) { $0.centreName = name }
            }
            try await database.saveHallSetting(.identity, identity, by: context.auditStamp, at: now)
            return JSON(try await changed(identity))
        }
        routes.add(.put, "/api/v1/admin/logo") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.body.collect(upTo: Self.maximumLogoBytes)
            let bytes = [UInt8](body.readableBytesView)
            try Self.checkLogo(bytes)
            try await database.saveHallSetting(
                .logo, Data(bytes).base64EncodedString(), auditValue: "\(bytes.count) bytes", by: context.auditStamp, at: clock.now())
            return JSON(try await changed(nil))
        }
        routes.add(.delete, "/api/v1/admin/logo") { _, context in
            _ = try context.requireRole(.admin)
            try await database.saveHallSetting(.logo, String?.none, by: context.auditStamp, at: clock.now())
            return JSON(try await changed(nil))
        }
        routes.add(.get, "/api/v1/hall/logo.png") { _, _ in
            guard let png = try await HallLook.logoPNG(in: database) else {
                throw APIError(.notFound, .notFound, "Trung tâm chưa có logo.", "The hall has no logo.")
            }
            return Response(
                status: .ok, headers: [.contentType: "image/png", .cacheControl: "public, max-age=86400"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: png)))
        }
    }

    func current() async throws -> Identity {
        let identity = try await database.hallSetting(.identity, as: HallIdentity.self) ?? HallIdentity()
        let logo = try await database.hallSettingUpdatedAt(.logo).map {
            "/api/v1/hall/logo.png?v=\(Int64($0.timeIntervalSince1970 * 1000))"
        }
        return Identity(
            centreName: try await database.catalog().centreName, footer: identity.footer, announcement: identity.announcement, logo: logo)
    }

    /// Reloads what tickets print and tells the screens; answers the identity as now stored.
    func changed(_ identity: HallIdentity?) async throws -> Identity {
        try await look.reload(from: database)
        let answer = try await current()
        events.publish(.look(identity ?? HallIdentity(footer: answer.footer, announcement: answer.announcement)))
        return answer
    }

    /// A logo must be a PNG that decodes, at most `maximumLogoBytes` and `maximumLogoSide` on each side.
    static func checkLogo(_ bytes: [UInt8]) throws {
        guard bytes.count <= maximumLogoBytes else {
            throw APIError(
                .contentTooLarge, .bodyTooLarge, "Logo quá lớn (tối đa 256 KB); hãy thu nhỏ ảnh rồi tải lại.",
                "The logo is too large (256 KB at most); shrink it and upload again.")
        }
        let image: PNGImage
        do {
            image = try PNGReader.decode(bytes)
        } catch {
            throw QueueError.invalid(
                "Logo phải là ảnh PNG đọc được (\(error)); hãy lưu ảnh dạng PNG rồi tải lại.",
                "The logo must be a readable PNG (\(error)); save it as PNG and upload again.")
        }
        guard image.width <= maximumLogoSide, image.height <= maximumLogoSide else {
            throw QueueError.invalid(
                "Logo \(image.width)×\(image.height) điểm ảnh quá lớn (tối đa \(maximumLogoSide) mỗi cạnh).",
                "The logo is \(image.width)×\(image.height) pixels, too large (\(maximumLogoSide) per side at most).")
        }
    }
}
