import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// The supervisor dashboard's one read: live queues against targets, counters, today's figures, alerts and
/// late dossiers.
struct SupervisorRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let targetsBook: TargetsBook
    /// The targets in force now (the admin may change them while the server runs).
    var targets: ServiceTargets { targetsBook.current }
    let alerts: AlertMonitor

    struct Overview: Encodable, Sendable {
        let serviceDay: String
        let generatedAt: Date
        let fields: [FieldWatch]
        let counters: [CounterWatch]
        let today: TodayFigures
        let hourly: [HourFigures]
        let satisfaction: [String: Int]
        let alerts: [HallAlert]
        let lateDossiers: [Dossier]
    }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/supervisor/overview") { _, context in
            _ = try context.requireRole(.supervisor)
            let now = clock.now()
            let figures = try await database.supervisorFigures(at: now, targets: targets)
            return JSON(
                Overview(
                    serviceDay: figures.serviceDay, generatedAt: now, fields: figures.fields, counters: figures.counters,
                    today: figures.today, hourly: figures.hourly, satisfaction: figures.satisfaction, alerts: alerts.current,
                    lateDossiers: Array(try await database.lateDossiers(at: now).prefix(50))))
        }
    }
}
