import Hummingbird
import QueueCore

/// What the admin page shows about how the server runs: the public link tickets carry, with a warning when
/// a phone could not open it.
struct AdminSettingsRoutes {
    let link: PublicLink

    struct Answer: Encodable, Sendable { let publicLink: PublicLink }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/settings") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(Answer(publicLink: link))
        }
    }
}
