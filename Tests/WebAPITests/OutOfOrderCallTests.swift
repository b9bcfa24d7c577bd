import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Calls out of order")
struct OutOfOrderCallTests {
    @Test func aTicketCalledAheadOfTheQueueKeepsItsReasonAndTheReportsListIt() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        var issued: [Int64] = []
        for _ in 0..<3 {
            issued.append(
                try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.id)
        }
        let ids = issued
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let called = try await client.json(
                "/api/v1/counters/1/call", .post, token: token,
                body: #"{"ticket":\#(ids[2]),"reason":"Người cao tuổi, không đứng lâu được"}"#)
            #expect(called.status == .ok)
            #expect(try called.object()["number"] as? String == "A003")
            #expect(try called.object()["state"] as? String == "called")
            let supervisor = try await client.login("giamsat")
            let report = try await client.json("/api/v1/reports?period=day:2026-03-04", token: supervisor).object()
            let calls = try #require(report["outOfOrderCalls"] as? [[String: Any]])
            #expect(calls.count == 1)
            #expect(calls.first?["ticket"] as? String == "A003")
            #expect(calls.first?["skipped"] as? Int == 2)
            #expect(calls.first?["staff"] as? String == "quay1")
            let csv = String(buffer: try await client.json("/api/v1/reports?period=day:2026-03-04&format=csv", token: supervisor).body)
            #expect(
                csv.contains("\"Gọi không theo thứ tự (Calls out of order)\"")
                    || csv.contains("Gọi không theo thứ tự (Calls out of order)\r\n"))
            #expect(csv.contains("2026-03-04T09:00:00+07:00,A003,Đất đai,1,quay1,2,\"Người cao tuổi, không đứng lâu được\"\r\n"))
            let page = String(buffer: try await client.json("/api/v1/reports?period=day:2026-03-04&format=html", token: supervisor).body)
            #expect(page.contains("Người cao tuổi, không đứng lâu được"))
            let admin = try await client.login("admin")
            let audit = try #require(try await client.json("/api/v1/admin/audit", token: admin).object()["entries"] as? [[String: Any]])
            let entry = try #require(audit.first { $0["action"] as? String == "ticket.called_out_of_order" })
            #expect(entry["actor"] as? String == "quay1")
            #expect(entry["target"] as? String == "A003")
            #expect(entry["client"] as? String == "unknown")
            #expect(entry["after"] as? String == #"{"counter":1,"reason":"Người cao tuổi, không đứng lâu được","skipped":2}"#)
        }
        let kinds = try await hall.database.events(after: 0).map(\.kind)
        #expect(kinds.last == .called)
    }

    @Test func aCallOutOfOrderIsRefusedWithoutAReasonOrAWaitingTicketOfTheCounter() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        let land = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.id
        let civil = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now()).ticket.id
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let noReason = try await client.json(
                "/api/v1/counters/1/call", .post, token: token, body: #"{"ticket":\#(land),"reason":"  "}"#)
            #expect(try noReason.errorCode() == "invalid_input")
            let notServed = try await client.json(
                "/api/v1/counters/1/call", .post, token: token, body: #"{"ticket":\#(civil),"reason":"x"}"#)
            #expect(notServed.status == .forbidden)
            let unknown = try await client.json("/api/v1/counters/1/call", .post, token: token, body: #"{"ticket":999,"reason":"x"}"#)
            #expect(unknown.status == .notFound)
            let otherCounter = try await client.json(
                "/api/v1/counters/2/call", .post, token: token, body: #"{"ticket":\#(land),"reason":"x"}"#)
            #expect(otherCounter.status == .forbidden)
            #expect(
                try await client.json("/api/v1/counters/1/call", .post, token: token, body: #"{"ticket":\#(land),"reason":"x"}"#).status
                    == .ok)
            let again = try await client.json("/api/v1/counters/1/call", .post, token: token, body: #"{"ticket":\#(land),"reason":"x"}"#)
            #expect(again.status == .conflict)
        }
        let supervisor = try await hall.database.report(
            period: try ReportPeriod(parsing: "day:2026-03-04"), targets: ReportTargets(catalog: try await hall.database.catalog()),
            asOf: hall.clock.now())
        #expect(supervisor.outOfOrderCalls.map(\.ticket) == ["A001"])
    }
}
