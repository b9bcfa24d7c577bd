import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The no-wait targets, edited by the admin: satisfaction (overall and per field), results on time, the
/// Friday wait and the alert thresholds. Validated, stored over `assets/targets.json`, audited, and used at
/// once by alerts, the dashboard and reports.
struct TargetsAdminRoutes {
    let database: AppDatabase
    let book: TargetsBook
    let clock: any WallClock

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/targets") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(book.current)
        }
        routes.add(.put, "/api/v1/admin/targets") { request, context in
            _ = try context.requireRole(.admin)
            let targets = try await request.decode(as: ServiceTargets.self, context: context)
            try targets.validate()
            for code in targets.satisfaction.fields.keys { try TextInput.check(code, "satisfaction.fields") }
            try await database.saveHallSetting(.targets, targets, by: context.auditStamp, at: clock.now())
            book.install(targets)
            return JSON(targets)
        }
    }
}
