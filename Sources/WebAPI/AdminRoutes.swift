import Foundation
import Hall
import Hummingbird
public import QueueCore
import QueueStore

/// Catalog and accounts, for admins. Every edit is validated as a whole catalog before it is stored, and
/// written to the audit log with the value before and after in the same transaction.
struct AdminRoutes {
    let database: AppDatabase
    let hasher: PasswordHasher
    let clock: any WallClock

    struct NewUser: Decodable {
        let username: String
        let password: String
        let role: Role
        let counter: Int?
        let displayName: String?
    }

    struct UserUpdate: Decodable {
        let role: Role
        let counter: Int?
        /// The officer's name as shown; absent keeps it, empty clears it.
        let displayName: String?
        /// A new password; absent keeps the current one.
        let password: String?
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/catalog") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(try await database.catalog())
        }
        routes.add(.put, "/api/v1/admin/catalog") { request, context in
            _ = try context.requireRole(.admin)
            let catalog = try await request.decode(as: Catalog.self, context: context)
            try catalog.checkText()
            return JSON(try await database.replaceCatalog(catalog, at: clock.now(), audit: context.auditStamp))
        }
        registerItems(on: routes)
        registerUsers(on: routes)
    }

    func registerItems(on routes: RouteTable) {
        routes.add(.put, "/api/v1/admin/fields/{code}") { request, context in
            try await upsert(request, context, list: \.fields, action: .fieldSaved, part: CatalogPart.field) { $0.code }
        }
        routes.add(.delete, "/api/v1/admin/fields/{code}") { _, context in
            try await remove(context, action: .fieldRemoved, part: CatalogPart.field) { catalog, code in
                catalog.fields.removeAll { $0.code == code }
            }
        }
        routes.add(.put, "/api/v1/admin/procedures/{code}") { request, context in
            try await upsert(request, context, list: \.procedures, action: .procedureSaved, part: CatalogPart.procedure) { $0.code }
        }
        routes.add(.delete, "/api/v1/admin/procedures/{code}") { _, context in
            try await remove(context, action: .procedureRemoved, part: CatalogPart.procedure) { catalog, code in
                catalog.procedures.removeAll { $0.code == code }
            }
        }
        routes.add(.put, "/api/v1/admin/counters/{code}") { request, context in
            try await upsert(request, context, list: \.counters, action: .counterSaved, part: Self.counterPart) { String($0.number) }
        }
        routes.add(.delete, "/api/v1/admin/counters/{code}") { _, context in
            try await remove(context, action: .counterRemoved, part: Self.counterPart) { catalog, code in
                catalog.counters.removeAll { String($0.number) == code }
            }
        }
    }

    /// Adds or replaces one catalog item whose key must match the path.
    func upsert<Item: Codable & Sendable & TextChecked>(
        _ request: Request, _ context: AppRequestContext, list: any WritableKeyPath<Catalog, [Item]> & Sendable,
        action: AuditAction, part: (String) -> CatalogPart, key: @escaping @Sendable (Item) -> String
    ) async throws -> JSON<Catalog> {
        _ = try context.requireRole(.admin)
        let code = try context.parameters.require("code")
        let item = try await request.decode(as: Item.self, context: context)
        try item.checkText()
        guard key(item) == code else {
            throw QueueError.invalid("Mã trong đường dẫn (\(code)) khác mã trong dữ liệu.", "Path key '\(code)' differs from the body.")
        }
        let audit = CatalogAudit(action: action, part: part(code), stamp: context.auditStamp)
        return JSON(
            try await database.editCatalog(at: clock.now(), audit: audit) { catalog in
                if let index = catalog[keyPath: list].firstIndex(where: { key($0) == code }) {
                    catalog[keyPath: list][index] = item
                } else {
                    catalog[keyPath: list].append(item)
                }
            })
    }

    func remove(
        _ context: AppRequestContext, action: AuditAction, part: (String) -> CatalogPart,
        _ edit: @escaping @Sendable (inout Catalog, String) -> Void
    ) async throws -> JSON<Catalog> {
        _ = try context.requireRole(.admin)
        let code = try context.parameters.require("code")
        let audit = CatalogAudit(action: action, part: part(code), stamp: context.auditStamp)
        return JSON(
            try await database.editCatalog(at: clock.now(), audit: audit) { catalog in
                let before = catalog
                edit(&catalog, code)
                if catalog == before { throw QueueError.invalid("Không có mục “\(code)”.", "No item '\(code)'.") }
            })
    }

    /// A counter's part of the catalog; a path that is not a number names no counter (the edit says so).
    static func counterPart(_ code: String) -> CatalogPart { Int(code).map(CatalogPart.counter) ?? .whole }

    func registerUsers(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/users") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(try await database.users())
        }
        routes.add(.post, "/api/v1/admin/users") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decode(as: NewUser.self, context: context)
            try TextInput.check(body.username, "username")
            try UserValidation.check(username: body.username, role: body.role, counter: body.counter)
            try PasswordHasher.validate(body.password)
            let displayName = try UserValidation.displayName(body.displayName)
            let user = try await database.addUser(
                username: body.username, role: body.role, counter: body.counter, passwordHash: try await hasher.hashOffPool(body.password),
                displayName: displayName?.isEmpty == true ? nil : displayName, at: clock.now(), audit: context.auditStamp)
            return JSON(user, status: .created)
        }
        routes.add(.put, "/api/v1/admin/users/{username}") { request, context in
            let admin = try context.requireRole(.admin)
            let username = try context.parameters.require("username")
            let body = try await request.decode(as: UserUpdate.self, context: context)
            try UserValidation.check(username: username, role: body.role, counter: body.counter)
            let displayName = try UserValidation.displayName(body.displayName)
            var hash: String?
            if let password = body.password {
                try PasswordHasher.validate(password)
                hash = try await hasher.hashOffPool(password)
            }
            return JSON(
                try await database.updateUser(
                    username: username, role: body.role, counter: body.counter, passwordHash: hash, displayName: displayName,
                    by: admin.id,
                    audit: context.auditStamp, at: clock.now()))
        }
        routes.add(.delete, "/api/v1/admin/users/{username}") { _, context in
            let admin = try context.requireRole(.admin)
            try await database.deleteUser(
                username: try context.parameters.require("username"), by: admin.id, audit: context.auditStamp, at: clock.now())
            return Response(status: .noContent)
        }
    }
}

/// Account rules shared by the API and the `khongcho user add` command.
public enum UserValidation {
    /// A display name trimmed, at most 80 characters, no control characters; `nil` stays `nil`, "" means clear.
    public static func displayName(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let name = text.trimmingCharacters(in: .whitespaces)
        try TextInput.check(name, "displayName")
        guard name.count <= 80 else {
            throw QueueError.invalid("Tên hiển thị tối đa 80 ký tự.", "The display name is 80 characters at most.")
        }
        return name
    }

    public static func check(username: String, role: Role, counter: Int?) throws(QueueError) {
        guard (3...32).contains(username.count),
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw QueueError.invalid("Tên đăng nhập cần 3–32 ký tự a–z, 0–9, . _ -", "Username must be 3–32 characters a–z, 0–9, . _ -")
        }
        if role == .staff, counter == nil {
            throw QueueError.invalid(
                "Tài khoản cán bộ (staff) cần gắn với một quầy (--counter).",
                "A staff account must be bound to a counter (--counter).")
        }
    }
}
