import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The admin sets the hall's hours: sessions and the closing cutoff per weekday, the ninth-hour windows and
/// the no-wait Friday. Validated as part of the whole calendar, stored (replacing `settings.json` and the
/// catalog's sessions), audited, and in force at once for the kiosk, promises and the hall screens.
struct HoursAdminRoutes {
    let database: AppDatabase
    let book: CalendarBook
    let clock: any WallClock

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/hours") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(HallHoursSettings(book.current, on: DayKey(clock.now())))
        }
        routes.add(.put, "/api/v1/admin/hours") { request, context in
            _ = try context.requireRole(.admin)
            let hours = try await request.decode(as: HallHoursSettings.self, context: context)
            for text in hours.days.flatMap({ [$0.lastTicket ?? ""] + $0.sessions.flatMap { [$0.start, $0.end] } })
                + hours.extraWindows.flatMap({ [$0.start, $0.end] })
            {
                try TextInput.check(text, "time")
            }
            let updated = try book.replacingHours(hours)
            try await database.saveHallSetting(.hours, hours, by: context.auditStamp, at: clock.now())
            book.install(updated)
            return JSON(HallHoursSettings(updated, on: DayKey(clock.now())))
        }
    }
}
