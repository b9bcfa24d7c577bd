import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Testing

@testable import Hall
@testable import WebAPI

/// `GET /api/v1/reports` on its own router (with the API's error and sign-in middleware and the login route),
/// over a two-ticket morning:
///   Mon 2026-03-02 08:00 A001 and A002 issued (dat-dai, target 15 min)
///   08:05 c1 calls A001 (wait 5 min) · 08:06 serving · 08:12 done (service 6 min) · 08:13 rating 1
///   08:15 c1 calls A002 (wait 15 min = the target, so within) · 08:16 serving · 08:20 done (4 min) · 08:21 rating 3
/// dat-dai by hand: waits 300 s, 900 s → mean 10.0 min, p50 (rank 1) 5.0, p90 (rank 2) 15.0, max 15.0, within 100.0 %;
/// service (360 + 240) / 2 = 300 s → 5.0 min; ratings 1 and 3 → 50.0 % against 85 % → not met.
@Suite("Report routes")
struct ReportRoutesTests {
    static func hall() async throws -> TestHall {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        let db = hall.database
        func at(_ text: String) -> Date {
            hall.clock.set(ManualClock.vietnamDate("2026-03-02 \(text)"))
            return hall.clock.now()
        }
        let first = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("08:00"))
        let second = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("08:00"))
        _ = try await db.callNext(counter: 1, by: hall.staff(1), at: at("08:05"))
        _ = try await db.apply(.serve, ticket: first.ticket.id, by: hall.staff(1), at: at("08:06"))
        _ = try await db.apply(.done(.returned), ticket: first.ticket.id, by: hall.staff(1), at: at("08:12"))
        _ = try await db.recordRating(level: 1, counter: 1, source: .keypad, at: at("08:13"))
        _ = try await db.callNext(counter: 1, by: hall.staff(1), at: at("08:15"))
        _ = try await db.apply(.serve, ticket: second.ticket.id, by: hall.staff(1), at: at("08:16"))
        _ = try await db.apply(.done(.returned), ticket: second.ticket.id, by: hall.staff(1), at: at("08:20"))
        _ = try await db.recordRating(level: 3, counter: 1, source: .keypad, at: at("08:21"))
        hall.clock.set(ManualClock.vietnamDate("2026-03-02 09:00"))
        return hall
    }

    static func withReports(_ hall: TestHall, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(database: hall.database, clock: hall.clock))
        let routes = RouteTable(router: router)
        AuthRoutes(database: hall.database, hasher: hall.settings.passwordHasher, clock: hall.clock, throttle: LoginThrottle())
            .register(on: routes)
        ReportRoutes(database: hall.database, clock: hall.clock, targetsBook: hall.settings.targets).register(on: routes)
        #expect(routes.entries.contains(RouteTable.Entry(method: "get", path: "/api/v1/reports")))
        try await Application(router: router, logger: Logger(label: "test")).testAgainstContract { client in
            try await body(client)
        }
    }

    @Test func csvHasBOMCRLFHeaderAndTheFieldRow() async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let token = try await client.login("giamsat")
            let response = try await client.json("/api/v1/reports?period=quarter:2026-Q1&format=csv", token: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"bao-cao-2026-Q1.csv\"")
            let bytes = Array(response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.last == "")
            #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
            #expect(lines[0] == "Báo cáo tiếp nhận và giải quyết (Reception report),Trung tâm thử nghiệm")
            #expect(lines[1] == "Kỳ báo cáo (Period),Quý I/2026 (15/12/2025 – 14/03/2026),Q1 2026 (15/12/2025 – 14/03/2026)")
            #expect(lines[2] == "Mã kỳ (Period code),quarter:2026-Q1")
            #expect(lines[3] == "Lập lúc (As of),2026-03-02T09:00:00+07:00")
            let header =
                "Mã (Code),Tên (Name),Phiếu cấp (Issued),Đã phục vụ (Served),Vắng mặt (No-shows),"
                + "Chuyển lĩnh vực (Transferred),Chờ TB phút (Mean wait min),Chờ P50 phút (Wait p50 min),"
                + "Chờ P90 phút (Wait p90 min),Chờ tối đa phút (Max wait min),Trong mục tiêu % (Within target %),"
                + "Phục vụ TB phút (Mean service min),Giải quyết trong ngày % (Same-day resolved %),"
                + "Hẹn đến hạn (Promises due),Trả đúng hẹn % (On time %),Mục tiêu đúng hẹn % (On-time target %),"
                + "Đạt đúng hẹn (On-time met),Lượt đánh giá (Ratings),Rất hài lòng (Very satisfied),Hài lòng (Satisfied),"
                + "Bình thường (Neutral),Không hài lòng (Dissatisfied),Tỷ lệ hài lòng % (Satisfaction %),"
                + "Mục tiêu hài lòng % (Satisfaction target %),Đạt hài lòng (Satisfaction met)"
            #expect(lines[5] == "Toàn trung tâm (Whole centre)")
            #expect(lines[6] == header)
            let field = try #require(lines.firstIndex(of: "Theo lĩnh vực (By field)"))
            #expect(lines[field + 1] == header)
            #expect(
                lines[field + 2]
                    == "dat-dai,Đất đai (Land),2,2,0,0,10.0,5.0,15.0,15.0,100.0,5.0,,0,,98.0,,2,1,0,1,0,50.0,85.0,Chưa đạt (not met)")
            #expect(lines[field + 3] == "ho-tich,Hộ tịch (Civil status),0,0,0,0,,,,,,,,0,,98.0,,0,0,0,0,0,,95.0,")
            for title in [
                "Theo quầy (By counter)", "Theo cán bộ (By staff member)", "Theo giờ lấy số (By hour of issue)",
                "Theo thứ trong tuần (By day of week)", "Độ chính xác ước tính thời gian chờ (Wait estimate accuracy)",
            ] {
                #expect(lines.contains(title))
            }
            #expect(lines.contains { $0.hasPrefix("08,08:00–08:59,2,2,") })
            #expect(lines.contains { $0.hasPrefix("1,Thứ Hai (Monday),2,2,") })
        }
    }

    @Test func htmlIsAPrintableSelfContainedPage() async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let token = try await client.login("admin")
            let response = try await client.json("/api/v1/reports?period=quarter:2026-Q1&format=html", token: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(decoding: response.body.readableBytesView, as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
            #expect(html.contains("<p class=\"period\">Quý I/2026 (15/12/2025 – 14/03/2026)</p>"))
            #expect(html.contains("@page{size:A4"))
            #expect(html.components(separatedBy: "<svg").count - 1 == 3)
            // Key figures: overall satisfaction 50.0 % against 95 %, not met.
            #expect(
                html.contains(
                    "Tỷ lệ hài lòng toàn trung tâm <span class=\"en\">Overall satisfaction</span></td><td>50.0 %</td><td>≥ 95.0 %</td><td class=\"notmet\">Chưa đạt (not met)</td>"
                ))
            for external in ["<script", "<link", "src=", "href=", "url("] {
                #expect(!html.contains(external))
            }
        }
    }

    @Test func jsonAndCustomRange() async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let token = try await client.login("giamsat")
            let response = try await client.json("/api/v1/reports?from=2026-03-01&to=2026-03-02", token: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let object = try response.object()
            let period = try #require(object["period"] as? [String: Any])
            #expect(period["text"] as? String == "custom:2026-03-01..2026-03-02")
            let figures = try #require(object["figures"] as? [String: Any])
            let total = try #require(figures["total"] as? [String: Any])
            #expect(total["issued"] as? Int == 2)
            #expect(total["waitMeanSeconds"] as? Double == 600)
            let empty = try await client.json("/api/v1/reports?from=2026-03-03&to=2026-03-03&format=json", token: token)
            #expect(try (empty.object()["figures"] as? [String: Any]).flatMap { $0["total"] as? [String: Any] }?["issued"] as? Int == 0)
        }
    }

    @Test func signInAndRoleAreRequired() async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let anonymous = try await client.json("/api/v1/reports?period=quarter:2026-Q1")
            #expect(anonymous.status == .unauthorized)
            #expect(try anonymous.errorCode() == "unauthorized")
            let staff = try await client.login("quay1")
            let forbidden = try await client.json("/api/v1/reports?period=quarter:2026-Q1", token: staff)
            #expect(forbidden.status == .forbidden)
            #expect(try forbidden.errorCode() == "forbidden")
        }
    }

    @Test(arguments: [
        "period=quarter:2026-Q5", "period=quarter:2026-1", "period=year:1900", "period=custom:2026-03-05..2026-03-01",
        "from=2026-02-30&to=2026-03-01", "from=2026-03-01", "period=year:2026&from=2026-03-01&to=2026-03-02", "",
    ])
    func badPeriodIs422WithTheParsersMessage(query: String) async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let token = try await client.login("giamsat")
            let response = try await client.json("/api/v1/reports?\(query)&format=csv", token: token)
            #expect(response.status == .unprocessableContent)
            #expect(try response.errorCode() == "invalid_input")
            if query.hasPrefix("period=") && !query.contains("&") {
                let text = String(query.dropFirst("period=".count))
                let expected = #expect(throws: QueueError.self) { try ReportPeriod(parsing: text) }
                #expect(try response.errorMessage() == expected?.message)
            }
        }
    }

    @Test func unknownFormatIs422() async throws {
        try await Self.withReports(try await Self.hall()) { client in
            let token = try await client.login("giamsat")
            let response = try await client.json("/api/v1/reports?period=quarter:2026-Q1&format=xlsx", token: token)
            #expect(response.status == .unprocessableContent)
            #expect(try response.errorCode() == "invalid_input")
            #expect(try response.errorMessage() == "Định dạng báo cáo “xlsx” không hỗ trợ; dùng json, csv hoặc html.")
        }
    }

    @Test func numbersAndQuoting() {
        #expect(ReportNumber.decimal(93.75) == "93.8")
        #expect(ReportNumber.decimal(-0.04) == "0.0")
        #expect(ReportNumber.decimal(-12.25) == "-12.3")
        #expect(ReportNumber.decimal(7) == "7.0")
        #expect(ReportNumber.percent(2.0 / 3.0) == "66.7")
        #expect(ReportNumber.minutes(90 as Int?) == "1.5")
        #expect(ReportNumber.minutes(nil as Double?) == "")
        #expect(ReportCSV.quote("Trung tâm, xã \"Minh An\"") == "\"Trung tâm, xã \"\"Minh An\"\"\"")
        #expect(ReportCSV.quote("dòng\r\nhai") == "\"dòng\r\nhai\"")
        #expect(ReportCSV.quote("Đất đai (Land)") == "Đất đai (Land)")
        #expect(
            ReportDocument.filename(period: try! ReportPeriod(parsing: "custom:2026-01-05..2026-02-10"), format: .html)
                == "bao-cao-2026-01-05_2026-02-10.html")
    }
}
