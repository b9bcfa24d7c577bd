import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Admin API")
struct AdminAPITests {
    @Test func addAFieldAndServeIt() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let field = #"{"code":"xay-dung","name":"Xây dựng","nameEn":"Construction","prefix":"G","waitTargetMinutes":20}"#
            let created = try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: field)
            #expect(created.status == .ok)
            let counter = #"{"number":3,"name":"Quầy 3","fields":["xay-dung"]}"#
            #expect(try await client.json("/api/v1/admin/counters/3", .put, token: admin, body: counter).status == .ok)
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"xay-dung"}"#).object()
            #expect(issued["number"] as? String == "G001")
        }
    }

    @Test func invalidEditsAreRefusedWithTheReason() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let clash = #"{"code":"xay-dung","name":"Xây dựng","nameEn":"Construction","prefix":"A","waitTargetMinutes":20}"#
            let refused = try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: clash)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.errorMessage() == "Trùng tiền tố số phiếu: “A”.")
            let mismatch = #"{"code":"khac","name":"Khác","nameEn":"Other","prefix":"K","waitTargetMinutes":20}"#
            #expect(
                try await client.json("/api/v1/admin/fields/xay-dung", .put, token: admin, body: mismatch).status == .unprocessableContent)
            let orphan = try await client.json(
                "/api/v1/admin/counters/9", .put, token: admin, body: #"{"number":9,"name":"Q9","fields":["nope"]}"#)
            #expect(try orphan.errorCode() == "invalid_catalog")
            let inUse = try await client.json("/api/v1/admin/fields/dat-dai", .delete, token: admin)
            #expect(inUse.status == .unprocessableContent)
            #expect(
                try inUse.errorMessage()
                    == "Thủ tục 1.004227 thuộc lĩnh vực “dat-dai” không có trong danh mục; chuyển hoặc xóa thủ tục trước khi xóa lĩnh vực.")
        }
        #expect(try await hall.database.catalog() == CatalogBuilder.small())
    }

    @Test func usersAreCreatedWithHashedPasswords() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let body = #"{"username":"lan.nguyen","password":"mat-khau-dai","role":"staff","counter":2}"#
            #expect(try await client.json("/api/v1/admin/users", .post, token: admin, body: body).status == .created)
            let duplicate = try await client.json("/api/v1/admin/users", .post, token: admin, body: body)
            #expect(duplicate.status == .conflict)
            let short = #"{"username":"binh","password":"123","role":"admin"}"#
            #expect(try await client.json("/api/v1/admin/users", .post, token: admin, body: short).status == .unprocessableContent)
            let staffWithoutCounter = #"{"username":"binh","password":"mat-khau-dai","role":"staff"}"#
            let refused = try await client.json("/api/v1/admin/users", .post, token: admin, body: staffWithoutCounter)
            #expect(try refused.errorMessage() == "Tài khoản cán bộ (staff) cần gắn với một quầy (--counter).")
            #expect(try await client.login("lan.nguyen", password: "mat-khau-dai").count == 64)
        }
        let stored = try #require(try await hall.database.credentials(username: "lan.nguyen"))
        #expect(stored.passwordHash.hasPrefix("$2b$"))
        #expect(!stored.passwordHash.contains("mat-khau-dai"))
    }
}
