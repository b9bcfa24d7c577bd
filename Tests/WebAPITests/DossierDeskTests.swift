import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Dossier desk: find, delay, apologise")
struct DossierDeskTests {
    /// Counter 2 receives a civil-status dossier from Nguyễn Văn Ân (0912 345 678) on Wed 04/03/2026 09:00.
    static func received(_ hall: TestHall, client: some TestClientProtocol) async throws -> (id: Int, token: String) {
        let ticket = try await DossierAPITests.atCounter(hall, field: "ho-tich", counter: 2)
        let token = try await client.login("quay2")
        let answer = try await client.json(
            "/api/v1/tickets/\(ticket)/dossiers", .post, token: token,
            body: #"{"procedure":"1.001193","complete":true,"citizenName":" Nguyễn Văn Ân ","citizenPhone":"+84 912.345.678"}"#)
        #expect(answer.status == .created)
        let dossier = try #require(try answer.object()["dossier"] as? [String: Any])
        return (try #require(dossier["id"] as? Int), token)
    }

    static func dossierTicket(_ hall: TestHall, _ id: Int) async throws -> Int64? {
        try await hall.database.dossier(id: Int64(id), at: hall.clock.now())?.ticketId
    }

    static func found(_ client: some TestClientProtocol, _ query: String, token: String) async throws -> [[String: Any]] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
        let response = try await client.json("/api/v1/dossiers/search?q=\(encoded)", token: token)
        #expect(response.status == .ok)
        return try #require(try response.object()["dossiers"] as? [[String: Any]])
    }

    @Test func theReturnDeskFindsADossierByNameWithoutDiacriticsByPhoneDigitsAndByNumber() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let (id, token) = try await Self.received(hall, client: client)
            for query in ["nguyen van an", "VĂN ÂN", "345678", "0912345678", String(id)] {
                let hits = try await Self.found(client, query, token: token)
                #expect(hits.map { $0["id"] as? Int } == [id], "query \(query)")
                #expect(hits.first?["citizenName"] as? String == "Nguyễn Văn Ân")
                #expect(hits.first?["citizenPhone"] as? String == "0912345678")
            }
            #expect(try await Self.found(client, "tran", token: token).isEmpty)
            #expect(try await Self.found(client, "%", token: token).isEmpty)
            // Counter 1 serves land only: a civil-status dossier is not its to find, return or apologise for.
            let counterOne = try await client.login("quay1")
            #expect(try await Self.found(client, "nguyen", token: counterOne).isEmpty)
            #expect(try await client.json("/api/v1/dossiers/\(id)/apology", token: counterOne).status == .forbidden)
            let supervisor = try await client.login("giamsat")
            #expect(try await Self.found(client, "ân", token: supervisor).count == 1)
            #expect(try await client.json("/api/v1/dossiers/search?q=an").status == .unauthorized)
        }
    }

    @Test func aDelayKeepsTheOriginalPromiseAndTheApologyLetterCarriesNameReasonAndNewDate() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let (id, token) = try await Self.received(hall, client: client)
            let delay = try await client.json(
                "/api/v1/dossiers/\(id)/delay", .post, token: token,
                body: #"{"reason":"Chờ xác minh của UBND xã","newDate":"2026-03-06"}"#)
            #expect(delay.status == .ok)
            let dossier = try delay.object()
            #expect(dossier["lateReason"] as? String == "Chờ xác minh của UBND xã")
            #expect(dossier["newPromisedAt"] as? String == "2026-03-06T17:30:00+07:00")
            #expect(dossier["promisedAt"] as? String == "2026-03-04T17:30:00+07:00")
            let letter = try await client.json("/api/v1/dossiers/\(id)/apology", token: token)
            #expect(letter.status == .ok)
            let html = String(buffer: letter.body)
            #expect(html.contains("Kính gửi: Ông/Bà <b>Nguyễn Văn Ân</b> (số thứ tự B001"))
            #expect(html.contains("Chờ xác minh của UBND xã"))
            #expect(html.contains("hẹn lại thời gian trả kết quả vào lúc <b>17:30 06/03/2026</b>"))
            // The citizen's phone page (the slip's QR) shows the dossier's promise and new date, never the name.
            let ticketID = try #require(try await Self.dossierTicket(hall, id))
            let publicToken = try #require(try await hall.database.ticket(id: ticketID)?.token)
            let page = try await client.json("/api/v1/public/tickets/\(publicToken)")
            let shown = try #require((try page.object()["dossiers"] as? [[String: Any]])?.first)
            #expect(shown["procedureName"] as? String == "Đăng ký khai sinh")
            #expect(shown["status"] as? String == "pending")
            #expect(shown["newPromisedAt"] as? String == "2026-03-06T17:30:00+07:00")
            #expect(!String(buffer: page.body).contains("Nguyễn"))
            hall.clock.set(ManualClock.vietnamDate("2026-03-05 08:00"))
            let nextDay = try await client.login("quay2")
            let returned = try await client.json("/api/v1/dossiers/\(id)/return", .post, token: nextDay)
            #expect(try returned.object()["status"] as? String == "returned-late")
        }
        let audit = try await hall.database.auditEntries(limit: 10).map(\.action)
        #expect(audit.contains(.dossierDelayed))
    }

    @Test func badDeskInputIsRefusedWithAReasonAndStoresNothing() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let (id, token) = try await Self.received(hall, client: client)
            let ticket = try #require(try await hall.database.dossier(id: Int64(id), at: hall.clock.now())?.ticketId)
            let badPhone = try await client.json(
                "/api/v1/tickets/\(ticket)/dossiers", .post, token: token,
                body: #"{"procedure":"1.001193","complete":true,"citizenPhone":"09x"}"#)
            #expect(badPhone.status == .unprocessableContent)
            #expect(try badPhone.errorCode() == "invalid_input")
            for (body, code) in [
                (#"{"reason":"Chờ","newDate":"2026-03-08"}"#, "invalid_input"),  // a Sunday
                (#"{"reason":"Chờ","newDate":"2026-03-03"}"#, "invalid_input"),  // before the promise
                (#"{"reason":"  ","newDate":"2026-03-06"}"#, "invalid_input"),
                (#"{"reason":"Chờ","newDate":"6/3/2026"}"#, "invalid_input"),
            ] {
                let refused = try await client.json("/api/v1/dossiers/\(id)/delay", .post, token: token, body: body)
                #expect(try refused.errorCode() == code, "\(body)")
            }
            let unknown = try await client.json(
                "/api/v1/dossiers/999/delay", .post, token: token, body: #"{"reason":"Chờ","newDate":"2026-03-06"}"#)
            #expect(unknown.status == .notFound)
        }
        let stored = try await hall.database.dossiers(from: "2026-03-04", to: "2026-03-04", at: hall.clock.now())
        #expect(stored.count == 1)
        #expect(stored.first?.lateReason == nil)
    }
}
