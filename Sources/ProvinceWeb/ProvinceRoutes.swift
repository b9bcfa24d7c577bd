public import Foundation
import Hall
public import Hummingbird
import NIOCore
public import Province
public import QueueCore

/// The province office's read-only pages and API over the replicated facts: `/province`, and
/// `GET /api/v1/province/centres?period=` with its CSV. Public on the office's network: aggregates only.
public struct ProvinceRoutes: Sendable {
    let database: ProvinceDatabase
    let clock: any WallClock
    let web: URL

    /// `assets` is the assets directory (its `web/` holds province.html and its scripts).
    public init(database: ProvinceDatabase, clock: any WallClock, assets: URL) {
        self.database = database
        self.clock = clock
        self.web = assets.appendingPathComponent("web")
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/api/v1/province/centres") { request, _ -> Response in
            let answer = try await answer(for: request)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONCoding.encoder().encode(answer))))
        }
        router.get("/api/v1/province/centres.csv") { request, _ -> Response in
            let answer = try await answer(for: request)
            let name = "tinh-\(answer.period.text.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "..", with: "_")).csv"
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: ProvinceCSV.render(answer))))
        }
        router.get("/province") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: web.appendingPathComponent("province.html")))))
        }
        router.add(middleware: FileMiddleware(web.path, searchForIndexHtml: false))
        return router
    }

    func answer(for request: Request) async throws -> ProvinceAnswer {
        let period = try Self.period(request.uri.queryParameters.get("period"), now: clock.now())
        return ProvinceAnswer(
            period: period, live: try await database.centres(), figures: try await database.figures(period: period, asOf: clock.now()))
    }

    /// `?period=` in `khongcho report --period` syntax; the current month by default. A bad one is a 400 in words.
    static func period(_ text: String?, now: Date) throws -> ReportPeriod {
        let day = DayKey(now)
        let value = text ?? "month:\(String(day.iso.prefix(7)))"
        do {
            return try ReportPeriod(parsing: value)
        } catch {
            throw HTTPError(.badRequest, message: "period “\(value)”: \(error)")
        }
    }
}
