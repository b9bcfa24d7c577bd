public import Foundation
public import Hall
public import Hummingbird
import NIOCore
public import Province
public import QueueCore
public import WebAPI

/// The province office's pages and API over the replicated facts. The overview (`/province`,
/// `GET /api/v1/province/centres[.csv]`, a centre's fields) is public on the office's network: aggregates only.
/// Officers (`…/centres/{code}/officers`) need an office account (`POST /api/v1/province/auth/login`); only an
/// `admin` adds accounts (`POST /api/v1/province/users`). Errors are the centre API's JSON shape.
public struct ProvinceRoutes: Sendable {
    let database: ProvinceDatabase
    let clock: any WallClock
    let web: URL
    let assets: URL
    let targets: ServiceTargets
    let hasher: PasswordHasher
    let throttle = LoginThrottle()

    /// `assets` is the assets directory: its `web/` holds the pages, its `targets.json` the targets judged by.
    public init(
        database: ProvinceDatabase, clock: any WallClock, assets: URL, targets: ServiceTargets, hasher: PasswordHasher = PasswordHasher()
    ) {
        self.database = database
        self.clock = clock
        self.web = assets.appendingPathComponent("web")
        self.assets = assets
        self.targets = targets
        self.hasher = hasher
    }

    public func router() -> Router<ProvinceRequestContext> {
        let router = Router(context: ProvinceRequestContext.self)
        router.get("/api/v1/province/centres") { request, _ in try json(try await answer(for: request)) }
        router.get("/api/v1/province/centres.csv") { request, _ -> Response in
            let answer = try await answer(for: request)
            let name = "tinh-\(answer.period.text.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "..", with: "_")).csv"
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: ProvinceCSV.render(answer))))
        }
        router.get("/api/v1/province/centres.html") { request, _ -> Response in
            let answer = try await answer(for: request)
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: ProvinceA4.render(answer, asOf: VietnamTime.iso8601(clock.now())))))
        }
        router.get("/api/v1/province/centres/{code}") { request, context in
            try json(try await centreAnswer(code: try context.parameters.require("code"), request: request))
        }
        router.get("/api/v1/province/centres/{code}/officers") { request, context in
            _ = try await signedIn(request)
            return try json(try await officers(code: try context.parameters.require("code"), request: request))
        }
        router.post("/api/v1/province/auth/login") { request, context in try await login(request, context: context) }
        router.post("/api/v1/province/auth/logout") { request, _ -> Response in
            try await logout(request)
            return Response(status: .noContent)
        }
        router.post("/api/v1/province/users") { request, context in try await addUser(request, context: context) }
        router.get("/province") { _, _ in try page("province.html") }
        router.get("/api/v1/province/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(bytes: try Data(contentsOf: assets.appendingPathComponent("province-openapi.json")))))
        }
        router.add(middleware: FileMiddleware(web.path, searchForIndexHtml: false))
        return router
    }

    func page(_ name: String) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: web.appendingPathComponent(name)))))
    }

    func json(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONCoding.encoder().encode(value))))
    }

    /// One read of the centres: a centre without figures in the period gets zeros from `ProvinceAnswer` itself.
    func answer(for request: Request) async throws -> ProvinceAnswer {
        let now = clock.now()
        let period = try Self.period(request.uri.queryParameters.get("period"), now: now)
        return ProvinceAnswer(
            period: period, live: try await database.centres(), figures: try await database.figures(period: period, asOf: now, by: .centre),
            fields: try await database.figures(period: period, asOf: now, by: .field), targets: ProvinceTargets(targets))
    }

    func centreAnswer(code: String, request: Request) async throws -> CentreAnswer {
        let now = clock.now()
        let period = try Self.period(request.uri.queryParameters.get("period"), now: now)
        let live = try await centre(code)
        let fields = try await database.figures(period: period, asOf: now, by: .fieldsOfCentre(code))
        return CentreAnswer(
            period: ProvinceAnswer.Period(period),
            centre: ProvinceAnswer.Centre(live, figures: fields.reduce(CentreFigures(code: code), +)),
            fields: FieldRow.ranked(fields, targets: ProvinceTargets(targets)))
    }

    func officers(code: String, request: Request) async throws -> OfficersAnswer {
        let now = clock.now()
        let period = try Self.period(request.uri.queryParameters.get("period"), now: now)
        let field = request.uri.queryParameters.get("field").map { String($0) }
        try TextInput.check(field ?? "", "field")
        _ = try await centre(code)
        let rows = try await database.officerFigures(centre: code, field: field, period: period, asOf: now)
        return OfficersAnswer(
            period: ProvinceAnswer.Period(period), centre: code, field: field,
            officers: rows.map { OfficersAnswer.Officer(username: $0.code, figures: $0, rates: ProvinceAnswer.Rates($0)) })
    }

    func centre(_ code: String) async throws -> CentreLive {
        try TextInput.check(code, "code")
        guard let live = try await database.centres().first(where: { $0.code == code }) else {
            throw APIError(.notFound, .notFound, "Không có trung tâm “\(code)”.", "No centre '\(code)'.")
        }
        return live
    }

    /// `?period=` in `khongcho report --period` syntax; the current month by default. A bad one is a 400 in words.
    static func period(_ text: String?, now: Date) throws -> ReportPeriod {
        let value = text ?? "month:\(String(DayKey(now).iso.prefix(7)))"
        do {
            return try ReportPeriod(parsing: value)
        } catch {
            throw APIError(
                .badRequest, .badRequest, "Kỳ “\(value)” không hợp lệ: \(error)", "Period '\(value)' is not valid: \(error)")
        }
    }
}

/// `GET /api/v1/province/centres/{code}/officers`: one centre's figures per officer (usernames, never names).
struct OfficersAnswer: Encodable, Sendable {
    struct Officer: Encodable, Sendable {
        let username: String
        let figures: CentreFigures
        let rates: ProvinceAnswer.Rates
    }

    let period: ProvinceAnswer.Period
    let centre: String
    let field: String?
    let officers: [Officer]
}
