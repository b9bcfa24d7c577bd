import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Admin guards")
struct AdminGuardTests {
    /// A field or counter with tickets waiting or called cannot be removed: 409, saying how many and where
    /// to transfer them, in Vietnamese and English. Once the tickets are dealt with, the removal goes through.
    @Test func fieldsAndCountersWithOpenTicketsStay() async throws {
        let hall = try await TestHall()
        for _ in 1...2 { _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now()) }
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let staff = try await client.login("quay2")
            let called = try #require(try await client.json("/api/v1/counters/2/next", .post, token: staff).object()["id"] as? Int)

            let field = try await client.json("/api/v1/admin/fields/ho-tich", .delete, token: admin)
            #expect(field.status == .conflict)
            #expect(try field.errorCode() == "conflict")
            let message = try #require(try field.errorMessage())
            #expect(message.contains("2 phiếu") && message.contains("“Đất đai” (dat-dai)"), "\(message)")
            let english = try #require((try field.object()["error"] as? [String: Any])?["messageEn"] as? String)
            #expect(english.contains("2 ticket(s)") && english.contains("'Land' (dat-dai)"), "\(english)")

            var catalog = CatalogBuilder.small()
            catalog.fields.removeAll { $0.code == "ho-tich" }
            catalog.procedures.removeAll { $0.field == "ho-tich" }
            catalog.counters[1].fields = ["dat-dai"]
            let whole = String(decoding: try JSONEncoder().encode(catalog), as: UTF8.self)
            #expect(try await client.json("/api/v1/admin/catalog", .put, token: admin, body: whole).status == .conflict)

            let counter = try await client.json("/api/v1/admin/counters/2", .delete, token: admin)
            #expect(counter.status == .conflict)
            #expect(try counter.errorMessage()?.contains("1 phiếu đã gọi hoặc đang phục vụ tại quầy (B001)") == true)

            _ = try await client.json("/api/v1/tickets/\(called)/serve", .post, token: staff)
            _ = try await client.json("/api/v1/tickets/\(called)/done", .post, token: staff, body: #"{"outcome":"returned"}"#)
            let stranded = try await client.json("/api/v1/admin/counters/2", .delete, token: admin)
            #expect(stranded.status == .conflict)
            #expect(
                try stranded.errorMessage()?.contains("không quầy nào phục vụ lĩnh vực “Hộ tịch” trong khi còn 1 phiếu đang chờ") == true)
            let narrowed = #"{"number":2,"name":"Quầy 2","fields":["dat-dai"]}"#
            #expect(try await client.json("/api/v1/admin/counters/2", .put, token: admin, body: narrowed).status == .conflict)
            #expect(try await hall.database.catalog() == CatalogBuilder.small())

            let supervisor = try await client.login("giamsat")
            let waiting = try #require(try await client.json("/api/v1/counters/2/queue", token: supervisor).array().first?["id"] as? Int)
            #expect(try await client.json("/api/v1/tickets/\(waiting)/cancel", .post, token: supervisor).status == .ok)
            #expect(try await client.json("/api/v1/admin/counters/2", .delete, token: admin).status == .ok)
            #expect(try await client.json("/api/v1/admin/procedures/1.001193", .delete, token: admin).status == .ok)
            #expect(try await client.json("/api/v1/admin/fields/ho-tich", .delete, token: admin).status == .ok)
        }
    }

    /// An admin cannot delete or demote their own account (409); another admin can.
    @Test func adminsCannotRemoveOrDemoteThemselves() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let deleteSelf = try await client.json("/api/v1/admin/users/admin", .delete, token: admin)
            #expect(deleteSelf.status == .conflict)
            #expect(try deleteSelf.errorMessage() == "Không thể tự xóa tài khoản của chính mình; hãy nhờ một quản trị viên khác.")
            let demote = #"{"role":"supervisor","counter":null}"#
            let demoteSelf = try await client.json("/api/v1/admin/users/ADMIN", .put, token: admin, body: demote)
            #expect(demoteSelf.status == .conflict)
            #expect(try demoteSelf.errorMessage()?.hasPrefix("Không thể tự hạ quyền quản trị") == true)
            #expect(try await client.json("/api/v1/me", token: admin).object()["role"] as? String == "admin")

            let second = #"{"username":"admin2","password":"mat-khau-dai","role":"admin"}"#
            #expect(try await client.json("/api/v1/admin/users", .post, token: admin, body: second).status == .created)
            let other = try await client.login("admin2", password: "mat-khau-dai")
            #expect(
                try await client.json("/api/v1/admin/users/admin", .put, token: other, body: demote).object()["role"] as? String
                    == "supervisor")
            #expect(try await client.json("/api/v1/admin/users/admin", .delete, token: other).status == .noContent)
            #expect(try await client.json("/api/v1/admin/users/admin2", .delete, token: other).status == .conflict)
            #expect(try await client.json("/api/v1/admin/users/nobody", .delete, token: other).status == .notFound)
        }
    }
}
