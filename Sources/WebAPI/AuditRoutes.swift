import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The audit log for admins, newest first, a page at a time (`?limit=` up to 500, `?before=` an entry id).
struct AuditRoutes {
    let database: AppDatabase

    struct Page: Encodable, Sendable {
        let entries: [AuditEntry]
        /// Pass as `before` for the next (older) page; absent on the last page.
        let nextBefore: Int64?
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/audit") { request, context in
            _ = try context.requireRole(.admin)
            let limit = try request.optionalInt("limit") ?? 100
            guard (1...500).contains(limit) else {
                throw QueueError.invalid("Tham số limit phải từ 1 đến 500.", "'limit' must be from 1 to 500.")
            }
            let before = try request.optionalInt("before").map { Int64($0) }
            let entries = try await database.auditEntries(limit: limit, before: before)
            return JSON(Page(entries: entries, nextBefore: entries.count == limit ? entries.last?.id : nil))
        }
    }
}
