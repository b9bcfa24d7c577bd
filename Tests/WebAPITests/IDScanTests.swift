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

@Suite("The ID card at the kiosk")
struct IDScanTests {
    static let card = "079203001234|025912345|Nguyễn Văn An|15031990|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1|20042021"

    @Test func aScanNamesTheTicketAndTheDossierAndFindsTodaysBooking() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let scan = try await client.json("/api/v1/kiosk/id-scan", .post, body: #"{"data":"\#(Self.card)"}"#)
            #expect(scan.status == .ok)
            #expect(try scan.object()["name"] as? String == "Nguyễn Văn An" && (try scan.object()["idLast4"] as? String) == "1234")
            #expect(try scan.object()["booking"] == nil || (try scan.object()["booking"]) is NSNull)

            // An officer books 10:00 today for the citizen; the same card at the kiosk finds it and checks in.
            let staff = try await client.login("quay1")
            let booked = try await client.json(
                "/api/v1/bookings", .post, token: staff,
                body: #"{"field":"dat-dai","date":"2026-03-02","slot":"10:00","name":"nguyễn văn an","idLast4":"1234"}"#)
            #expect(booked.status == .created)
            let code = try #require(try booked.object()["code"] as? String)
            let found = try #require(
                try await client.json("/api/v1/kiosk/id-scan", .post, body: #"{"data":"\#(Self.card)"}"#).object()["booking"]
                    as? [String: Any])
            #expect(found["code"] as? String == code && found["slot"] as? String == "10:00")
            let other = "079203009999||Nguyễn Văn An|15031990|Nam|HN"
            #expect(try await client.json("/api/v1/kiosk/id-scan", .post, body: #"{"data":"\#(other)"}"#).object()["booking"] == nil)
            let checkedIn = try await client.json(
                "/api/v1/bookings/\(code)/check-in", .post, body: #"{"citizen":{"name":"Nguyễn Văn An","idLast4":"1234"}}"#)
            #expect(checkedIn.status == .created)

            // A walk-in with a scanned card: the ticket carries the name, and so does the dossier taken from it.
            let walkIn = try await client.json(
                "/api/v1/tickets", .post, body: #"{"field":"ho-tich","citizen":{"name":"Trần Thị Bình","idLast4":"5678"}}"#)
            let ticketID = try #require(try walkIn.object()["id"] as? Int)
            let ticket = try #require(try await hall.database.ticket(id: Int64(ticketID)))
            #expect(ticket.citizenName == "Trần Thị Bình")
            let quay2 = try await client.login("quay2")
            _ = try await client.json("/api/v1/counters/2/call", .post, token: quay2, body: #"{"ticket":\#(ticketID),"reason":"test"}"#)
            let dossier = try await client.json(
                "/api/v1/tickets/\(ticketID)/dossiers", .post, token: quay2, body: #"{"procedure":"1.001193","complete":true}"#)
            #expect(dossier.status == .created)
            let stored = try #require(
                try await hall.database.dossiers(from: "2026-03-02", to: "2026-03-02", at: hall.clock.now()).first)
            #expect(stored.citizenName == "Trần Thị Bình")
        }
        // Nothing beyond the name and the last four digits reaches the store.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("idscan-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: copy) }
        _ = try await hall.database.backup(to: copy)
        let text = String(decoding: try Data(contentsOf: copy), as: UTF8.self)
        #expect(text.contains("Trần Thị Bình"))
        #expect(!text.contains("079203001234") && !text.contains("Lê Lợi") && !text.contains("15031990"))
    }

    @Test func malformedScansGetWordsAndStoreNothing() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let short = try await client.json("/api/v1/kiosk/id-scan", .post, body: #"{"data":"079203001234|Nguyen"}"#)
            #expect(short.status == .unprocessableContent)
            #expect(try short.errorCode() == "id_scan_invalid")
            #expect(
                try short.errorMessage()
                    == "Mã QR trên thẻ căn cước có ít nhất 6 trường ngăn bởi “|”, chỉ đọc được 2. Hãy quét lại mặt trước của thẻ.")
            let badDate = try await client.json(
                "/api/v1/kiosk/id-scan", .post, body: #"{"data":"079203001234||Nguyễn Văn An|32131990|Nam|HN"}"#)
            #expect(try badDate.errorCode() == "id_scan_invalid")
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            let latin1 = try await client.execute(
                uri: "/api/v1/kiosk/id-scan", method: .post, headers: headers,
                body: ByteBuffer(bytes: Array("079203001234||Nguy".utf8) + [0xE9, 0x6E] + Array("|15031990|Nam|HN".utf8)))
            #expect(latin1.status == .unprocessableContent)
            #expect(try latin1.errorMessage() == "Dữ liệu quét không phải văn bản UTF-8; hãy đặt máy quét ở chế độ Unicode rồi quét lại.")
            let badTag = try await client.json(
                "/api/v1/tickets", .post, body: #"{"field":"dat-dai","citizen":{"name":"An","idLast4":"12a4"}}"#)
            #expect(badTag.status == .unprocessableContent)
            #expect(try await hall.database.lastEventID() == 0)
        }
    }
}
