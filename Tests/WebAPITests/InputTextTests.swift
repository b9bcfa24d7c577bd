import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Control characters at the boundary")
struct InputTextTests {
    /// Identifiers and names holding U+0000–U+001F or U+007F are refused with 400 `invalid_characters`,
    /// in bodies, paths and query strings, before anything is stored (a NUL used to cut the string in SQLite:
    /// `dat-dai\u0000x` issued a `dat-dai` ticket).
    @Test func controlCharactersAreRefusedWith400() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let staff = try await client.login("quay1")
            let ticket = try #require(try await client.json("/api/v1/counters/1/next", .post, token: staff).object()["id"] as? Int)
            let year = #"{"year":2031,"holidays":[{"date":"2031-01-01","name":"Tết\u0000"}],"swappedWorkingDays":[],"source":"thử"}"#
            var catalog = CatalogBuilder.small()
            catalog.centreName = "Trung tâm\u{1B}[31m"
            let whole = String(decoding: try JSONEncoder().encode(catalog), as: UTF8.self)
            let cases: [(HTTPRequest.Method, String, String?, String?)] = [
                (
                    .put, "/api/v1/admin/fields/xay-dung", admin,
                    #"{"code":"xay-dung","name":"Xây\u0000dựng","nameEn":"C","prefix":"G","waitTargetMinutes":15}"#
                ),
                (
                    .put, "/api/v1/admin/fields/xay-dung", admin,
                    #"{"code":"xay-dung","name":"Xây dựng","nameEn":"C\n","prefix":"G","waitTargetMinutes":15}"#
                ),
                (
                    .put, "/api/v1/admin/fields/xay%00dung", admin,
                    #"{"code":"xay-dung","name":"Xây dựng","nameEn":"C","prefix":"G","waitTargetMinutes":15}"#
                ),
                (
                    .put, "/api/v1/admin/procedures/1.2", admin,
                    #"{"code":"1.2","field":"dat-dai","name":"Thủ tục\u0007","workingDays":1,"sameDayGroup":3,"noWaitFriday":false}"#
                ),
                (.put, "/api/v1/admin/counters/3", admin, #"{"number":3,"name":"Quầy\t3","fields":["dat-dai"]}"#),
                (.put, "/api/v1/admin/counters/3", admin, #"{"number":3,"name":"Quầy 3","fields":["dat-dai\u0000"]}"#),
                (.put, "/api/v1/admin/catalog", admin, whole),
                (.post, "/api/v1/admin/users", admin, #"{"username":"lan\u0000","password":"mat-khau-dai","role":"supervisor"}"#),
                (.post, "/api/v1/admin/users", admin, #"{"username":"lan","password":"mat-khau\u0000dai","role":"supervisor"}"#),
                (.put, "/api/v1/admin/users/quay2", admin, #"{"role":"staff","counter":2,"password":"mat\u007fkhau-dai"}"#),
                (.put, "/api/v1/admin/calendar/2031", admin, year),
                (.post, "/api/v1/tickets", nil, #"{"field":"dat-dai\u0000x"}"#),
                (.post, "/api/v1/tickets/\(ticket)/transfer", staff, #"{"field":"ho-tich\u0000"}"#),
                (.post, "/api/v1/tickets/\(ticket)/dossiers", staff, #"{"procedure":"1.004227\u0000","complete":true}"#),
                (.get, "/api/v1/ratings?field=dat-dai%00x", staff, nil),
                (.get, "/api/v1/calendar/promise?procedure=1.004227%1F&at=2026-03-03T09:00:00%2B07:00", nil, nil),
            ]
            for (method, uri, token, body) in cases {
                let refused = try await client.json(uri, method, token: token, body: body)
                #expect(refused.status == .badRequest, "\(method) \(uri) \(body ?? "")")
                let error = try (refused.object()["error"] as? [String: Any]) ?? [:]
                #expect(error["code"] as? String == "invalid_characters", "\(uri)")
                #expect((error["message"] as? String)?.contains("ký tự điều khiển") == true)
                #expect((error["messageEn"] as? String)?.contains("control character") == true)
            }
        }
        #expect(try await hall.database.catalog() == CatalogBuilder.small())
        #expect(try await hall.database.users().count == 4)
        #expect(try await hall.database.editedCalendarYears().isEmpty)
        #expect(try await hall.database.ticket(id: 2) == nil)
        #expect(try await hall.database.ticket(id: 1)?.field == "dat-dai")
    }

    /// `admin\u0000zzz` used to sign in as `admin` (SQLite reads a bound string up to NUL).
    @Test func controlCharactersInSignInAreRefused() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            for body in [
                #"{"username":"admin\u0000zzz","password":"secret-pass"}"#, #"{"username":"admin\u001f","password":"secret-pass"}"#,
                #"{"username":"admin\u007f","password":"secret-pass"}"#, #"{"username":"admin","password":"secret-pass\u0000"}"#,
                #"{"username":"admin\n","password":"secret-pass"}"#,
            ] {
                let refused = try await client.json("/api/v1/auth/login", .post, body: body)
                #expect(refused.status == .badRequest, "\(body)")
                #expect(try refused.errorCode() == "invalid_characters")
                #expect(try (refused.object()["error"] as? [String: Any])?["messageEn"] as? String != nil)
            }
            #expect(try await client.signIn("admin", TestHall.password).status == .ok)
        }
    }

    /// Printable text, Vietnamese included, still goes through.
    @Test func printableNamesAreAccepted() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let field =
                #"{"code":"xay-dung","name":"Xây dựng — cấp phép (mới)","nameEn":"Construction","prefix":"G","waitTargetMinutes":15}"#
            #expect(try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: field).status == .ok)
            let user = #"{"username":"lan","password":"mật khẩu dài ~!@#$%^&*()","role":"supervisor"}"#
            #expect(try await client.json("/api/v1/admin/users", .post, token: admin, body: user).status == .created)
            #expect(try await client.signIn("lan", "mật khẩu dài ~!@#$%^&*()").status == .ok)
        }
    }
}
