import Foundation
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// `GET /api/v1/reports?period=quarter:2026-Q1&format=json|csv|html` (or `from=…&to=…` for a custom range), for
/// supervisors and admins. Targets come from the catalog (wait targets, field order) and `assets/targets.json`.
/// A bad period or an unknown format is 422 with the reason in Vietnamese and English.
struct ReportRoutes {
    let database: AppDatabase
    let clock: any WallClock
    let targetsBook: TargetsBook
    /// The targets in force now (the admin may change them while the server runs).
    var targets: ServiceTargets { targetsBook.current }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/reports") { request, context in
            _ = try context.requireRole(.supervisor)
            let query = request.uri.queryParameters
            let period = try ReportRequest.period(query)
            let format = try ReportDocument.Format(parameter: query.get("format"))
            let catalog = try await database.catalog()
            let report = try await database.report(
                period: period, targets: ReportTargets(catalog: catalog, service: targets), asOf: clock.now())
            let document = try ReportDocument(report, format: format)
            return Response(
                status: .ok,
                headers: [
                    .contentType: document.contentType, .contentDisposition: document.contentDisposition(period: period),
                    .cacheControl: "no-store",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.bytes)))
        }
    }
}
