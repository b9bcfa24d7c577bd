import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The admin sets how citizens book: slot length, places per slot, how far ahead, the grace and lead times, and
/// per field whether it is bookable, its own slot length and places, and a daily cap on walk-in tickets.
/// Validated, stored, audited and live at once.
struct BookingAdminRoutes {
    let database: AppDatabase
    let rules: BookingRules
    let clock: any WallClock

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/booking") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(rules.current)
        }
        routes.add(.put, "/api/v1/admin/booking") { request, context in
            _ = try context.requireRole(.admin)
            let settings = try await request.decode(as: BookingSettings.self, context: context)
            for code in settings.fields.keys { try TextInput.check(code, "field") }
            try settings.validate(fieldCodes: Set(try await database.catalog().fields.map(\.code)))
            try await database.saveHallSetting(.booking, settings, by: context.auditStamp, at: clock.now())
            rules.install(settings)
            return JSON(settings)
        }
    }
}
