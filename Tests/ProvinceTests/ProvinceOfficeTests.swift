import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import NIOCore
import Province
import ProvinceWeb
import QueueCore
import QueueStore
import Testing
import WebAPI

/// The province office app over a real PostgreSQL: the day rollup gives the centres' own report figures by centre
/// and by field, the officer drill-down needs an office account, an admin alone adds accounts, and the A4 export
/// prints the ranking.
@Suite("Province office app", .serialized)
struct ProvinceOfficeTests {
    static let asOf = ManualClock.vietnamDate("2026-03-20 08:00")

    static func twoCentres(_ province: ProvinceDatabase) async throws -> [TestHall] {
        let north = try await TestHall(start: "2026-03-02 08:00")
        let south = try await TestHall(start: "2026-03-02 08:00")
        try await CentreHistory.make(north, walkIns: 5)
        try await CentreHistory.make(south, walkIns: 3)
        for (hall, code) in [(north, "XA-BAC"), (south, "XA-NAM")] {
            let replicator = CentreReplicator(
                database: hall.database, province: province, centre: code, clock: hall.clock, alerts: nil,
                logger: ReplicationTests.logger, batchSize: 5)
            try await replicator.cycle()
        }
        return [north, south]
    }

    static func app(_ province: ProvinceDatabase) -> some ApplicationProtocol {
        let routes = ProvinceRoutes(
            database: province, clock: ManualClock(asOf), assets: TestHall.repositoryAssets,
            targets: ServiceTargets(), hasher: PasswordHasher(cost: 4)
        )
        .router()
        return Application(router: routes)
    }

    static let contract = Result {
        try OpenAPIContract(contentsOf: TestHall.repositoryAssets.appendingPathComponent("province-openapi.json"))
    }

    /// Every answer of the app is checked against `assets/province-openapi.json` (status, type, closed schemas).
    static func checked(
        _ client: some TestClientProtocol, uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let verdict = try contract.get().check(
            method: method.rawValue, path: uri, status: Int(response.status.code), contentType: response.headers[.contentType],
            body: Data(String(buffer: response.body).utf8))
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        return response
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    @Test func fieldsAndCentresComeFromTheRollupAndEqualTheCentresReports() async throws {
        try await ReplicationTests.withProvince { _, province in
            let halls = try await Self.twoCentres(province)
            let reports = try await halls.asyncMap { hall in
                try await hall.database.report(
                    period: try ReportPeriod(parsing: "month:2026-03"), targets: ReportTargets(catalog: try await hall.database.catalog()),
                    asOf: Self.asOf
                ).figures
            }
            let byField = try await province.figures(period: try ReportPeriod(parsing: "month:2026-03"), asOf: Self.asOf, by: .field)
            #expect(byField.map(\.code) == ["dat-dai", "ho-tich"])
            for field in byField {
                let own = reports.compactMap { $0.byField.first { $0.key == field.code } }
                #expect(field.issued == own.map(\.issued).reduce(0, +))
                #expect(field.ratings == own.map(\.ratings).reduce(0, +) && field.satisfied == own.map(\.satisfied).reduce(0, +))
                #expect(field.promisesDue == own.map(\.promisesDue).reduce(0, +))
            }
            try await Self.app(province).test(.router) { client in
                let all = try await Self.checked(client, uri: "/api/v1/province/centres?period=month:2026-03", method: .get)
                #expect(all.status == .ok)
                let fields = try #require(try Self.object(all)["fields"] as? [[String: Any]])
                // Land: 8 ratings, 5 satisfied (62.5 %, target 85 %); civil status: none — ranked last.
                #expect(fields.map { $0["field"] as? String } == ["dat-dai", "ho-tich"])
                #expect(fields.first?["satisfactionTarget"] as? Double == 0.85 && fields.first?["meetsSatisfaction"] as? Bool == false)
                let centre = try Self.object(
                    try await Self.checked(client, uri: "/api/v1/province/centres/XA-BAC?period=month:2026-03", method: .get))
                let total = try #require((centre["centre"] as? [String: Any])?["figures"] as? [String: Any])
                #expect(total["issued"] as? Int == reports[0].total.issued && total["served"] as? Int == reports[0].total.served)
                let unknown = try await Self.checked(client, uri: "/api/v1/province/centres/XA-KHAC", method: .get)
                #expect(unknown.status == .notFound)
                #expect(String(buffer: unknown.body).contains(#""code":"not_found""#))
                let a4 = String(
                    buffer: try await Self.checked(client, uri: "/api/v1/province/centres.html?period=month:2026-03", method: .get).body)
                #expect(a4.contains("Báo cáo tiếp nhận và giải quyết thủ tục hành chính toàn tỉnh"))
                #expect(a4.contains("XA-BAC · ") && a4.contains("XA-NAM · ") && a4.contains("<td class=\"notmet\">62.5 %</td>"))
            }
        }
    }

    @Test func officersNeedAnOfficeAccountAndOnlyAnAdminAddsOne() async throws {
        try await ReplicationTests.withProvince { _, province in
            let halls = try await Self.twoCentres(province)
            try await province.addOfficeUser(
                OfficeUser(username: "xem", role: .viewer, passwordHash: PasswordHasher(cost: 4).hash("mat-khau-xem")))
            try await province.addOfficeUser(
                OfficeUser(username: "quantri", role: .admin, passwordHash: PasswordHasher(cost: 4).hash("mat-khau-qt")))
            try await Self.app(province).test(.router) { client in
                let officers = "/api/v1/province/centres/XA-BAC/officers?period=month:2026-03"
                let anonymous = try await Self.checked(client, uri: officers, method: .get)
                #expect(anonymous.status == .unauthorized && String(buffer: anonymous.body).contains(#""code":"unauthorized""#))
                func login(_ user: String, _ password: String) async throws -> TestResponse {
                    try await Self.checked(
                        client,
                        uri: "/api/v1/province/auth/login", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: #"{"username":"\#(user)","password":"\#(password)"}"#))
                }
                #expect(try await login("xem", "sai-mat-khau").status == .unauthorized)
                let viewer = try #require(try Self.object(try await login("xem", "mat-khau-xem"))["token"] as? String)
                let list = try await Self.checked(client, uri: officers, method: .get, headers: [.authorization: "Bearer \(viewer)"])
                #expect(list.status == .ok)
                let rows = try #require(try Self.object(list)["officers"] as? [[String: Any]])
                let own = try await halls[0].database.report(
                    period: try ReportPeriod(parsing: "month:2026-03"),
                    targets: ReportTargets(catalog: try await halls[0].database.catalog()),
                    asOf: Self.asOf
                ).figures.byStaff
                #expect(rows.map { $0["username"] as? String } == own.map(\.key))
                for (row, staff) in zip(rows, own) {
                    let figures = try #require(row["figures"] as? [String: Any])
                    #expect(figures["served"] as? Int == staff.served && figures["ratings"] as? Int == staff.ratings)
                }
                let newUser = #"{"username":"xem2","password":"mat-khau-moi","role":"viewer"}"#
                let refused = try await Self.checked(
                    client,
                    uri: "/api/v1/province/users", method: .post,
                    headers: [.authorization: "Bearer \(viewer)", .contentType: "application/json"],
                    body: ByteBuffer(string: newUser))
                #expect(refused.status == .forbidden)
                let admin = try #require(try Self.object(try await login("quantri", "mat-khau-qt"))["token"] as? String)
                let added = try await Self.checked(
                    client,
                    uri: "/api/v1/province/users", method: .post,
                    headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"],
                    body: ByteBuffer(string: newUser))
                #expect(added.status == .created)
                let again = try await Self.checked(
                    client,
                    uri: "/api/v1/province/users", method: .post,
                    headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"],
                    body: ByteBuffer(string: newUser))
                #expect(again.status == .conflict)
                #expect(try await login("xem2", "mat-khau-moi").status == .ok)
                let out = try await Self.checked(
                    client,
                    uri: "/api/v1/province/auth/logout", method: .post, headers: [.authorization: "Bearer \(viewer)"])
                #expect(out.status == .noContent)
                #expect(
                    try await Self.checked(client, uri: officers, method: .get, headers: [.authorization: "Bearer \(viewer)"]).status
                        == .unauthorized)
            }
        }
    }

    @Test func aDatabaseThePreviousReleaseFilledIsRolledUpWhenMigrated() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let province = try ProvinceDatabase.direct(url: cluster.url, logger: ReplicationTests.logger)
        do {
            // The previous release's schema (v1) and its centres' facts, then this build's migrations.
            try await province.migrate(through: 1)
            let halls = try await Self.twoCentres(province)
            try await province.migrate()
            let figures = try await province.figures(period: try ReportPeriod(parsing: "month:2026-03"), asOf: Self.asOf)
            for (centre, hall) in zip(figures, halls) {
                let own = try await ReplicationTests.centreReport(hall, period: "month:2026-03", asOf: Self.asOf)
                #expect(centre.issued == own.issued && centre.ratings == own.ratings && centre.promisesDue == own.promisesDue)
                #expect(centre.sameDayResolved == own.sameDayResolved && centre.promisesOnTime == own.promisesOnTime)
            }
            // A centre still on the previous release keeps writing as before: the database keeps the rollup.
            _ = try await halls[0].database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: halls[0].clock.now())
            try await province.apply(try await halls[0].database.ticketFeed(after: 0, limit: 1000), centre: "XA-BAC")
            let after = try await province.figures(period: try ReportPeriod(parsing: "month:2026-03"), asOf: Self.asOf)
            #expect(after.first?.issued == (figures.first?.issued ?? 0) + 1)
        } catch {
            await province.close()
            throw error
        }
        await province.close()
    }
}
