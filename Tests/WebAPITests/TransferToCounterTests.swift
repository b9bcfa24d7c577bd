import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Transfer to a counter, with a note")
struct TransferToCounterTests {
    @Test func onlyTheChosenCounterCallsTheTicketAndItsOfficerReadsTheNote() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            for _ in 0..<2 { #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created) }
            let one = try await client.login("quay1")
            let two = try await client.login("quay2")
            let called = try await client.json("/api/v1/counters/1/next", .post, token: one).object()
            #expect(called["number"] as? String == "A001")
            let id = try #require(called["id"] as? Int)

            // Counter 1 cannot send ho-tich work to itself, and a note has a length.
            let wrongField = try await client.json(
                "/api/v1/tickets/\(id)/transfer", .post, token: one, body: #"{"counter":1,"field":"ho-tich"}"#)
            #expect(wrongField.status == .unprocessableContent)
            #expect(try wrongField.errorMessage() == "Quầy 1 không phục vụ lĩnh vực “ho-tich”.")
            let long = String(repeating: "x", count: 301)
            let tooLong = try await client.json(
                "/api/v1/tickets/\(id)/transfer", .post, token: one, body: #"{"counter":2,"note":"\#(long)"}"#)
            #expect(try tooLong.errorMessage() == "Ghi chú chuyển phiếu tối đa 300 ký tự.")

            let moved = try await client.json(
                "/api/v1/tickets/\(id)/transfer", .post, token: one,
                body: #"{"counter":2,"note":"Đã xem CCCD,\nthiếu giấy ủy quyền"}"#
            ).object()
            #expect(moved["state"] as? String == "waiting")
            #expect(moved["field"] as? String == "dat-dai")
            #expect(moved["forCounter"] as? Int == 2)
            #expect(moved["note"] as? String == "Đã xem CCCD, thiếu giấy ủy quyền")

            // Counter 1 neither lists nor calls it, although it is the oldest dat-dai ticket.
            let queueOne = try await client.json("/api/v1/counters/1/queue", token: one).array()
            #expect(queueOne.compactMap { $0["number"] as? String } == ["A002"])
            let outOfTurn = try await client.json(
                "/api/v1/counters/1/call", .post, token: one, body: #"{"ticket":\#(id),"reason":"người quen"}"#)
            #expect(try outOfTurn.errorMessage() == "Phiếu A001 đã được chuyển cho quầy 2.")
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: one).object()["number"] as? String == "A002")

            // Counter 2 sees it first, with the note, and calls it.
            let queueTwo = try await client.json("/api/v1/counters/2/queue", token: two).array()
            #expect(queueTwo.first?["note"] as? String == "Đã xem CCCD, thiếu giấy ủy quyền")
            let taken = try await client.json("/api/v1/counters/2/next", .post, token: two).object()
            #expect(taken["number"] as? String == "A001")
            #expect(taken["note"] as? String == "Đã xem CCCD, thiếu giấy ủy quyền")

            // Transferred on to a field: any counter serving it may call it, and the old note goes.
            let onward = try await client.json("/api/v1/tickets/\(id)/transfer", .post, token: two, body: #"{"field":"ho-tich"}"#)
                .object()
            #expect(onward["field"] as? String == "ho-tich")
            #expect(onward["forCounter"] == nil)
            #expect(onward["note"] == nil)
        }
        // The original issue time and field stay for the wait statistics.
        let ticket = try #require(try await hall.database.ticket(id: 1))
        #expect(ticket.issuedField == "dat-dai")
        #expect(ticket.issuedAt == hall.clock.now())
    }
}
