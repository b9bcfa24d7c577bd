import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Hall name, logo, footer and ticker")
struct HallIdentityTests {
    /// A 40×20 PNG: black left half, white right half.
    static let logo: [UInt8] = {
        var bitmap = Bitmap(width: 40, height: 20)
        for y in 0..<20 { for x in 0..<20 { bitmap[x, y] = true } }
        return PNGWriter.encode(bitmap)
    }()

    @Test func theAdminSetsTheNameFooterAnnouncementAndLogoAndTheHallAndTicketsFollow() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let saved = try await client.json(
                "/api/v1/admin/identity", .put, token: admin,
                body:
                    #"{"centreName":"Trung tâm Phục vụ hành chính công xã Tân Lập","footer":" Đường dây nóng 1900 1234 ","announcement":"Thứ Sáu không chờ: nhận hồ sơ đến 15:30"}"#
            ).object()
            #expect(saved["footer"] as? String == "Đường dây nóng 1900 1234")
            #expect(saved["logo"] == nil)

            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(admin)"
            headers[.contentType] = "image/png"
            let uploaded = try await client.execute(
                uri: "/api/v1/admin/logo", method: .put, headers: headers, body: ByteBuffer(bytes: Self.logo))
            #expect(uploaded.status == .ok)
            let notPNG = try await client.execute(
                uri: "/api/v1/admin/logo", method: .put, headers: headers, body: ByteBuffer(string: "GIF89a not a png"))
            #expect(notPNG.status == .unprocessableContent)
            #expect(try notPNG.errorMessage()?.contains("PNG") == true)

            let state = try await client.json("/api/v1/hall").object()
            #expect(state["centreName"] as? String == "Trung tâm Phục vụ hành chính công xã Tân Lập")
            let identity = try #require(state["identity"] as? [String: Any])
            #expect(identity["announcement"] as? String == "Thứ Sáu không chờ: nhận hồ sơ đến 15:30")
            let logoURL = try #require(state["logo"] as? String)
            #expect(logoURL.hasPrefix("/api/v1/hall/logo.png?v="))
            let served = try await client.execute(uri: logoURL, method: .get)
            #expect(served.status == .ok)
            #expect([UInt8](served.body.readableBytesView) == Self.logo)

            let read = try await client.json("/api/v1/admin/identity", token: admin).object()
            #expect(read["announcement"] as? String == "Thứ Sáu không chờ: nhận hồ sơ đến 15:30")
            #expect((read["logo"] as? String)?.hasPrefix("/api/v1/hall/logo.png?v=") == true)
            // What the next ticket prints, read from the same live look the printer uses.
            let look = hall.settings.look.current
            #expect(look.centreName == "Trung tâm Phục vụ hành chính công xã Tân Lập")
            #expect(look.footer == "Đường dây nóng 1900 1234")
            #expect(look.logo?.width == 40)

            let staff = try await client.login("quay1")
            let forbidden = try await client.json(
                "/api/v1/admin/identity", .put, token: staff, body: #"{"centreName":"X","footer":"","announcement":""}"#)
            #expect(forbidden.status == .forbidden)
            let tooLong = try await client.json(
                "/api/v1/admin/identity", .put, token: admin,
                body: #"{"centreName":"Tân Lập","footer":"\#(String(repeating: "x", count: 161))","announcement":""}"#)
            #expect(tooLong.status == .unprocessableContent)
            #expect(hall.settings.look.current.footer == "Đường dây nóng 1900 1234")

            _ = try await client.json("/api/v1/admin/logo", .delete, token: admin)
            #expect(try await client.json("/api/v1/hall").object()["logo"] == nil)
            #expect(try await client.execute(uri: "/api/v1/hall/logo.png", method: .get).status == .notFound)
            #expect(hall.settings.look.current.logo == nil)
        }
        let actions = try await hall.database.auditEntries(limit: 20).map(\.action.rawValue)
        #expect(actions.filter { $0 == "setting.logo" }.count == 2)
        #expect(actions.contains("setting.identity"))
        #expect(actions.contains("catalog.replaced"))
    }

    @Test func theTicketPrintsTheLogoAtItsHeadAndTheFooterAtItsFoot() throws {
        let renderer = try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json"))
        var content = TicketContent(
            centreName: "Trung tâm Tân Lập", fieldName: "Đất đai", number: "A001", issuedAt: "08:00 — 04/03/2026", peopleAhead: 0,
            estimatedWaitMinutes: 0, statusURL: "http://hall.local/t/abc")
        let plain = try renderer.render(content, paperWidthDots: 576)
        content.footer = "Đường dây nóng 1900 1234"
        content.logo = try PNGReader.decode(Self.logo)
        let dressed = try renderer.render(content, paperWidthDots: 576)
        #expect(dressed.height > plain.height + 100)
        // The logo (half black, 2:1) is the first ink on the paper: its top rows are black on the left half only.
        let firstInk = try #require((0..<dressed.height).first { y in (0..<576).contains { dressed[$0, y] } })
        let row = (0..<576).filter { dressed[$0, firstInk + 2] }
        #expect(row.count > 100 && row.count < 140)
        #expect(row.allSatisfy { $0 < 288 })
    }
}
