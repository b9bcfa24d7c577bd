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

/// Slips "printed" into memory, so a test sees what the counter printer was asked for.
final class RecordingSlips: SlipOutput, @unchecked Sendable {
    let lock = NSLock()
    var slips: [PromiseSlip] = []
    func printSlip(_ slip: PromiseSlip) async -> PrintOutcome {
        lock.withLock { slips.append(slip) }
        return PrintOutcome(status: .printed)
    }
}

@Suite("Dossiers and promises")
struct DossierAPITests {
    /// A ticket of `field` called to `counter` at the hall's current time; returns its id.
    static func atCounter(_ hall: TestHall, field: String, counter: Int) async throws -> Int64 {
        _ = try await hall.database.issueTicket(field: field, priority: .none, source: nil, at: hall.clock.now())
        return try #require(try await hall.database.callNext(counter: counter, by: hall.staff(counter), at: hall.clock.now())).ticket.id
    }

    @Test func aCompleteDossierOnANoWaitFridayIsPromisedTheSameDayAndItsSlipPrints() async throws {
        let hall = try await TestHall(start: "2026-03-06 10:00")
        let id = try await Self.atCounter(hall, field: "ho-tich", counter: 2)
        let slips = RecordingSlips()
        let kiosk = KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, slipOutput: slips)
        try await withAPI(hall, kiosk: kiosk) { client in
            let token = try await client.login("quay2")
            let answer = try await client.json(
                "/api/v1/tickets/\(id)/dossiers", .post, token: token,
                body: #"{"procedure":"1.001193","complete":true}"#)
            #expect(answer.status == .created)
            let dossier = try #require(try answer.object()["dossier"] as? [String: Any])
            #expect(dossier["promisedAt"] as? String == "2026-03-06T17:30:00+07:00")
            #expect(dossier["rule"] as? String == "no-wait-friday")
            #expect(dossier["ticket"] as? String == "B001")
            #expect(dossier["slip"] as? String == "printed")
        }
        #expect(slips.slips.map(\.ticket) == ["B001"])
        #expect(slips.slips.first?.procedureName == "Đăng ký khai sinh")
        #expect(try await hall.database.events(after: 0).map(\.kind).last == .dossierReceived)
    }

    @Test func anIncompleteDossierHasNoPromiseAndNoSlip() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        let id = try await Self.atCounter(hall, field: "dat-dai", counter: 1)
        let slips = RecordingSlips()
        let kiosk = KioskApp(database: hall.database, settings: hall.settings, clock: hall.clock, slipOutput: slips)
        try await withAPI(hall, kiosk: kiosk) { client in
            let token = try await client.login("quay1")
            let answer = try await client.json(
                "/api/v1/tickets/\(id)/dossiers", .post, token: token,
                body: #"{"procedure":"1.004227","complete":false}"#)
            let dossier = try #require(try answer.object()["dossier"] as? [String: Any])
            #expect(dossier["promisedAt"] == nil)
            #expect(dossier["slip"] as? String == "none")
            #expect(dossier["explanation"] as? String == "Hồ sơ chưa đủ — hướng dẫn công dân bổ sung; chưa hẹn ngày trả.")
        }
        #expect(slips.slips.isEmpty)
    }

    @Test func intakeErrorsAreSpecificAndStoreNothing() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        let id = try await Self.atCounter(hall, field: "dat-dai", counter: 1)
        try await withAPI(hall) { client in
            let token = try await client.login("quay1")
            let unknown = try await client.json(
                "/api/v1/tickets/\(id)/dossiers", .post, token: token, body: #"{"procedure":"9.9","complete":true}"#)
            #expect(try unknown.errorCode() == "unknown_procedure")
            let noTicket = try await client.json(
                "/api/v1/tickets/999/dossiers", .post, token: token, body: #"{"procedure":"1.004227","complete":true}"#)
            #expect(try noTicket.errorCode() == "unknown_ticket")
            let other = try await client.login("quay2")
            let notYours = try await client.json(
                "/api/v1/tickets/\(id)/dossiers", .post, token: other, body: #"{"procedure":"1.004227","complete":true}"#)
            #expect(try notYours.errorCode() == "not_your_counter")
            let anonymous = try await client.json(
                "/api/v1/tickets/\(id)/dossiers", .post, body: #"{"procedure":"1.004227","complete":true}"#)
            #expect(anonymous.status == .unauthorized)
        }
        #expect(try await hall.database.dossiers(from: "2026-01-01", to: "2026-12-31", at: hall.clock.now()).isEmpty)
    }

    /// 10 working days from Wed 04/03/2026 09:00 → Wed 18/03/2026 closing (17:30 in the ninth-hour weeks).
    @Test func aLateDossierIsListedWithItsApologyLetterUntilReturned() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        let id = try await Self.atCounter(hall, field: "dat-dai", counter: 1)
        let procedure = try #require(try await hall.database.catalog().procedures.first { $0.code == "1.004227" })
        let calendar = try #require(hall.settings.calendar)
        let promise = try PromiseCalculator(calendar: calendar).promise(for: procedure, receivedAt: hall.clock.now())
        #expect(VietnamTime.iso8601(promise.promisedAt) == "2026-03-18T17:30:00+07:00")
        let (dossier, _) = try await hall.database.recordDossier(
            ticket: id, procedure: procedure, complete: true, promise: promise, by: hall.staff(1), at: hall.clock.now())
        try await withAPI(hall) { client in
            let early = try await client.login("giamsat")
            #expect(try await client.json("/api/v1/dossiers/\(dossier.id)/apology", token: early).status == .conflict)
            hall.clock.set(ManualClock.vietnamDate("2026-03-19 08:00"))
            let supervisor = try await client.login("giamsat")
            let late = try #require(
                try await client.json("/api/v1/dossiers?status=late", token: supervisor).object()["dossiers"] as? [[String: Any]])
            #expect(late.map { $0["ticket"] as? String } == ["A001"])
            #expect(late.first?["status"] as? String == "late")
            // A token in the query string is never taken (it would land in browser history and proxy logs).
            #expect(try await client.json("/api/v1/dossiers/\(dossier.id)/apology?token=\(supervisor)").status == .unauthorized)
            let letter = try await client.json("/api/v1/dossiers/\(dossier.id)/apology", token: supervisor)
            #expect(letter.status == .ok)
            let html = String(buffer: letter.body)
            #expect(html.contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"))
            #expect(html.contains("hẹn trả kết quả lúc <b>17:30 18/03/2026</b>"))
            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/dossiers/\(dossier.id)/apology", token: staff).status == .ok)
            let returned = try await client.json("/api/v1/dossiers/\(dossier.id)/return", .post, token: staff)
            #expect(try returned.object()["status"] as? String == "returned-late")
            let again = try await client.json("/api/v1/dossiers/\(dossier.id)/return", .post, token: staff)
            #expect(again.status == .conflict)
            let none = try #require(
                try await client.json("/api/v1/dossiers?status=late", token: supervisor).object()["dossiers"] as? [[String: Any]])
            #expect(none.isEmpty)
        }
    }
}
