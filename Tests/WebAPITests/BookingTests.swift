import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Booking a slot and checking in")
struct BookingTests {
    static func book(_ client: any TestClientProtocol, slot: String, date: String = "2026-03-03") async throws -> TestResponse {
        try await client.json("/api/v1/bookings", .post, body: #"{"field":"dat-dai","date":"\#(date)","slot":"\#(slot)"}"#)
    }

    @Test func citizensBookAPlaceAndTheKioskChecksTheCodeIn() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")  // Monday; winter hours 08:00–12:00, 13:00–17:00
        try await withAPI(hall) { client in
            let slots = try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-03").array()
            #expect(slots.count == 17)  // 8 + 8, and the ninth hour's 17:00
            #expect(slots.first?["slot"] as? String == "08:00")
            #expect(slots.first?["start"] as? String == "2026-03-03T08:00:00+07:00")
            #expect(slots.first?["remaining"] as? Int == 4)
            // Today is not bookable by citizens, nor beyond 14 days; a Saturday has no slots.
            let today = try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-02")
            #expect(today.status == .unprocessableContent)
            #expect(try today.errorMessage() == "Chỉ đặt lịch từ 03/03/2026 đến 16/03/2026.")
            #expect(try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-07").array().isEmpty)
            #expect(try await client.json("/api/v1/bookings/slots?field=khong-co&date=2026-03-03").errorCode() == "unknown_field")

            // Four places in the 09:00 slot, then it is full; the lunch break is no slot.
            var codes: [String] = []
            for _ in 0..<4 {
                let booked = try await Self.book(client, slot: "09:00")
                #expect(booked.status == .created)
                let body = try booked.object()
                #expect(body["state"] as? String == "booked")
                #expect(body["start"] as? String == "2026-03-03T09:00:00+07:00")
                codes.append(try #require(body["code"] as? String))
            }
            #expect(Set(codes).count == 4 && codes.allSatisfy { BookingCode.normalized($0) == $0 })
            #expect(try await client.json("/api/v1/bookings/\(codes[0])").object()["slot"] as? String == "09:00")
            let qr = try await client.json("/api/v1/bookings/\(codes[0])/qr.svg")
            #expect(qr.headers[.contentType] == "image/svg+xml")
            #expect(String(buffer: qr.body).hasPrefix("<svg"))
            let full = try await Self.book(client, slot: "09:00")
            #expect(full.status == .conflict)
            #expect(try full.errorMessage() == "Khung giờ 09:00 ngày 03/03/2026 đã kín chỗ; hãy chọn khung khác.")
            #expect(try await Self.book(client, slot: "12:30").status == .conflict)
            let after = try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-03").array()
            #expect(after.first { $0["slot"] as? String == "09:00" }?["remaining"] as? Int == 0)

            // A cancel frees the place; a second cancel is refused.
            let cancelled = try await client.json("/api/v1/bookings/\(codes[3].lowercased())", .delete).object()
            #expect(cancelled["state"] as? String == "cancelled")
            #expect(try await client.json("/api/v1/bookings/\(codes[3])", .delete).status == .conflict)
            #expect(try await Self.book(client, slot: "09:00").status == .created)

            // Not on the wrong day.
            let early = try await client.json("/api/v1/bookings/\(codes[0])/check-in", .post)
            #expect(early.status == .conflict)
            #expect(try early.errorMessage() == "Lịch hẹn \(codes[0]) là ngày 03/03/2026, không phải hôm nay.")

            // On the day: two walk-ins at 08:40, the booked citizen checks in at 08:41 and is placed at 09:00.
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 08:40"))
            for _ in 0..<2 { _ = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#) }
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 08:41"))
            let checkedIn = try await client.json("/api/v1/bookings/\(codes[0])/check-in", .post)
            #expect(checkedIn.status == .created)
            #expect(try checkedIn.object()["number"] as? String == "A003")
            let again = try await client.json("/api/v1/bookings/\(codes[0])/check-in", .post)
            #expect(again.status == .conflict)
            #expect(try again.errorMessage() == "Lịch hẹn \(codes[0]) đã lấy số A003.")
            #expect(try await client.json("/api/v1/bookings/\(codes[0])", .delete).status == .conflict)

            // 08:45: not yet due, the oldest walk-in goes first; 08:52: the booking goes ahead of A002.
            let staff = try await client.login("quay1")
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 08:45"))
            let first = try await client.json("/api/v1/counters/1/next", .post, token: staff).object()
            #expect(first["number"] as? String == "A001")
            _ = try await client.json(
                "/api/v1/tickets/\(try #require(first["id"] as? Int))/done", .post, token: staff, body: #"{"outcome":"guided"}"#)
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 08:52"))
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: staff).object()["number"] as? String == "A003")

            // 09:11: the bookings not checked in by 09:00 + 10 minutes are released, on record.
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 09:11"))
            let late = try await client.json("/api/v1/bookings/\(codes[1])/check-in", .post)
            #expect(late.status == .conflict)
            #expect(
                try late.errorMessage()
                    == "Lịch hẹn \(codes[1]) đã quá giờ nhận và được trả lại; vui lòng lấy số thường hoặc đặt lại.")
            #expect(try await hall.database.booking(code: codes[2])?.state == .released)
            #expect(try await hall.database.booking(code: codes[0])?.ticket == "A003")
        }
    }

    @Test func unknownCodesAreThrottledAndNothingIsIssued() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            for guess in 0..<10 {
                let answer = try await client.json("/api/v1/bookings/ABCDEF\(guess + 2)\(guess + 2)/check-in", .post)
                #expect(answer.status == .notFound)
            }
            let stopped = try await client.json("/api/v1/bookings/ABCDEFGH/check-in", .post)
            #expect(stopped.status == .tooManyRequests)
            #expect(try await hall.database.lastEventID() == 0)
        }
    }

    @Test func theAdminsWalkInCapSendsCitizensToTheNextFreeSlot() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let settings = #"{"slotMinutes":30,"capacity":4,"daysAhead":14,"graceMinutes":10,"leadMinutes":10,"fields":{"#
            let tooShort = try await client.json(
                "/api/v1/admin/booking", .put, token: admin, body: settings.replacingOccurrences(of: ":30,", with: ":3,") + "}}")
            #expect(tooShort.status == .unprocessableContent)
            #expect(try tooShort.errorMessage() == "Độ dài khung hẹn phải từ 5 đến 240 phút.")
            let saved = try await client.json(
                "/api/v1/admin/booking", .put, token: admin,
                body: settings + #""dat-dai":{"walkInCap":2,"slotMinutes":60,"capacity":2}}}"#)
            #expect(saved.status == .ok)
            #expect(try await client.json("/api/v1/admin/booking", token: admin).object()["capacity"] as? Int == 4)

            // Land in hour-long slots of 2 places (and the ninth hour's 16:30); other fields keep 30 minutes.
            let slots = try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-03").array()
            #expect(slots.compactMap { $0["slot"] as? String }.prefix(5) == ["08:00", "09:00", "10:00", "11:00", "13:00"])
            #expect(slots.count == 9)
            #expect(slots.first?["capacity"] as? Int == 2)

            for _ in 0..<2 { #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created) }
            let capped = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(capped.status == .conflict)
            #expect(try capped.errorCode() == "walk_in_cap")
            #expect(
                try capped.errorMessage()
                    == "Hôm nay đã hết 2 số lấy tại chỗ cho lĩnh vực này. Khung hẹn trống gần nhất: 09:00 Thứ Hai 02/03/2026 — đặt tại trang /book hoặc nhờ cán bộ."
            )
            #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"ho-tich"}"#).status == .created)

            // An officer books today's 09:00 for the citizen; the check-in gives a number outside the cap.
            let officer = try await client.login("quay1")
            let booked = try await client.json(
                "/api/v1/bookings", .post, token: officer, body: #"{"field":"dat-dai","date":"2026-03-02","slot":"09:00"}"#)
            #expect(booked.status == .created)
            let code = try #require(try booked.object()["code"] as? String)
            #expect(try await client.json("/api/v1/bookings/\(code)/check-in", .post).object()["number"] as? String == "A003")
        }
    }
}

@Suite("A share of the counters' time kept for bookings")
struct BookingShareTests {
    @Test func theShareCutsEachSlotsPlacesAndTheRestStaysForWalkIns() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            // Land: 2 counters × 30 minutes × 50 % ÷ 15 minutes a citizen = 2 places; civil status, 1 counter at 20 %: 0.
            let body = """
                {"slotMinutes":30,"capacity":4,"daysAhead":14,"graceMinutes":10,"leadMinutes":10,"counterShare":0.5,"serviceMinutes":15,
                 "fields":{"ho-tich":{"counterShare":0.2}}}
                """
            #expect(try await client.json("/api/v1/admin/booking", .put, token: admin, body: body).status == .ok)
            let land = try await client.json("/api/v1/bookings/slots?field=dat-dai&date=2026-03-03").array()
            #expect(land.first?["capacity"] as? Int == 2 && land.first?["remaining"] as? Int == 2)
            let civil = try await client.json("/api/v1/bookings/slots?field=ho-tich&date=2026-03-03").array()
            #expect(civil.first?["remaining"] as? Int == 0)
            for _ in 0..<2 {
                #expect(try await BookingTests.book(client, slot: "09:00").status == .created)
            }
            #expect(try await BookingTests.book(client, slot: "09:00").status == .conflict)
            let tooMuch = try await client.json(
                "/api/v1/admin/booking", .put, token: admin, body: body.replacingOccurrences(of: "0.5", with: "1.5"))
            #expect(try tooMuch.errorMessage() == "Phần thời gian quầy dành cho lịch hẹn phải từ 0 đến 100 %.")
        }
    }
}
