import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

@Suite("Feedback and complaints: received, classified, assigned, answered, closed")
struct FeedbackTests {
    static func submit(_ client: any TestClientProtocol, token: String? = nil, extra: String = "") async throws -> TestResponse {
        try await client.json(
            "/api/v1/feedback", .post, token: token,
            body:
                #"{"subject":"Thái độ phục vụ","text":"Cán bộ quầy 1 trả lời cộc lốc.\nMong được hướng dẫn rõ hơn.","contact":"0903123456"\#(extra)}"#
        )
    }

    @Test func anItemGoesFromReceiptToClosureAndTheCitizenReadsTheAnswer() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let ticket = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).object()
            let token = try #require(ticket["token"] as? String)
            let receipt = try await Self.submit(client, extra: #","ticket":"\#(token)","channel":"kiosk""#)
            #expect(receipt.status == .created)
            let code = try #require(try receipt.object()["code"] as? String)
            #expect(BookingCode.normalized(code) == code)
            // Ten working days after Monday 2 March: Monday 16 March, at that day's closing (the ninth hour's 17:30).
            #expect(try receipt.object()["deadline"] as? String == "2026-03-16T17:30:00+07:00")

            let supervisor = try await client.login("giamsat")
            let quay1 = try await client.login("quay1")
            let quay2 = try await client.login("quay2")
            // The officer sees nothing yet; the supervisor sees it with its ticket and channel.
            #expect((try await client.json("/api/v1/feedback", token: quay1).object()["items"] as? [Any])?.isEmpty == true)
            let listed = try #require(
                (try await client.json("/api/v1/feedback", token: supervisor).object()["items"] as? [[String: Any]])?.first)
            #expect(
                listed["ticket"] as? String == "A001" && listed["channel"] as? String == "kiosk"
                    && listed["status"] as? String == "received")
            #expect(
                try await client.json("/api/v1/feedback/\(code)/classify", .post, token: quay1, body: #"{"kind":"phan-anh"}"#).status
                    == .forbidden)

            let classified = try await client.json(
                "/api/v1/feedback/\(code)/classify", .post, token: supervisor,
                body: #"{"kind":"phan-anh","field":"dat-dai","officerConcerned":"quay1"}"#
            ).object()
            #expect(classified["status"] as? String == "classified" && classified["officerConcerned"] as? String == "quay1")
            // Nobody handles a complaint about themselves.
            let selfAssigned = try await client.json(
                "/api/v1/feedback/\(code)/assign", .post, token: supervisor, body: #"{"assignee":"quay1"}"#)
            #expect(selfAssigned.status == .conflict)
            #expect(try selfAssigned.errorCode() == "feedback_self")
            #expect(
                try selfAssigned.errorMessage()
                    == "Phản ánh này liên quan đến cán bộ “quay1”; không giao hay đóng bởi chính người đó.")
            let unanswered = try await client.json("/api/v1/feedback/\(code)/close", .post, token: supervisor)
            #expect(try unanswered.errorCode() == "feedback_unanswered")

            hall.clock.advance(minutes: 60)
            let assigned = try await client.json(
                "/api/v1/feedback/\(code)/assign", .post, token: supervisor, body: #"{"assignee":"quay2"}"#
            ).object()
            #expect(assigned["assignee"] as? String == "quay2" && assigned["assignedAt"] as? String == "2026-03-02T09:00:00+07:00")
            let notMine = try await client.json(
                "/api/v1/feedback/\(code)/answer", .post, token: quay1, body: #"{"answer":"Tôi không sai."}"#)
            #expect(notMine.status == .forbidden)
            #expect(try notMine.errorCode() == "not_assignee")
            #expect((try await client.json("/api/v1/feedback", token: quay2).object()["items"] as? [[String: Any]])?.count == 1)

            hall.clock.advance(minutes: 1440)
            let quay2Tomorrow = try await client.login("quay2")
            let supervisorTomorrow = try await client.login("giamsat")
            let answer = "Trung tâm đã nhắc nhở cán bộ và xin lỗi ông/bà."
            let answered = try await client.json(
                "/api/v1/feedback/\(code)/answer", .post, token: quay2Tomorrow, body: #"{"answer":"\#(answer)"}"#
            ).object()
            #expect(answered["status"] as? String == "answered")
            let closed = try await client.json("/api/v1/feedback/\(code)/close", .post, token: supervisorTomorrow).object()
            #expect(closed["status"] as? String == "closed" && closed["overdue"] as? Bool == false)
            #expect(
                try await client.json("/api/v1/feedback/\(code)/answer", .post, token: quay2Tomorrow, body: #"{"answer":"x"}"#).errorCode()
                    == "feedback_closed")

            // The citizen's view: status and answer, no officer names, no contact.
            let view = try await client.json("/api/v1/feedback/\(code.lowercased())").object()
            #expect(view["status"] as? String == "closed" && view["answer"] as? String == answer)
            #expect(view["assignee"] == nil && view["contact"] == nil && view["officerConcerned"] == nil)

            // Every step is in the audit log, with who did it.
            let admin = try await client.login("admin")
            let audit = try #require(
                try await client.json("/api/v1/admin/audit?limit=50", token: admin).object()["entries"] as? [[String: Any]])
            let steps = audit.filter { $0["target"] as? String == code }.map { "\($0["action"] ?? "")/\($0["actor"] ?? "-")" }
            #expect(
                steps == [
                    "feedback.closed/giamsat", "feedback.answered/quay2", "feedback.assigned/giamsat", "feedback.classified/giamsat",
                    "feedback.received/-",
                ])
        }
    }

    @Test func badInputIsRefusedAndNothingIsStored() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(hall) { client in
            let empty = try await client.json("/api/v1/feedback", .post, body: #"{"subject":"  ","text":"x"}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(try empty.errorMessage() == "“subject” phải có từ 1 đến 120 ký tự (nhận 0).")
            let long = try await client.json(
                "/api/v1/feedback", .post, body: #"{"subject":"a","text":"\#(String(repeating: "x", count: 2001))"}"#)
            #expect(long.status == .unprocessableContent)
            let control = try await client.json("/api/v1/feedback", .post, body: #"{"subject":"a\u0000b","text":"x"}"#)
            #expect(control.status == .badRequest)
            let unknownTicket = try await Self.submit(client, extra: #","ticket":"B099""#)
            #expect(try unknownTicket.errorMessage() == "Không tìm thấy số thứ tự “B099” của hôm nay; bỏ trống nếu không có.")
            let missing = try await client.json("/api/v1/feedback/ABCDEFGH")
            #expect(missing.status == .notFound)
            #expect(try missing.errorCode() == "unknown_feedback")
            let supervisor = try await client.login("giamsat")
            #expect((try await client.json("/api/v1/feedback?status=all", token: supervisor).object()["items"] as? [Any])?.isEmpty == true)
            #expect(try await client.json("/api/v1/feedback?status=x", token: supervisor).status == .unprocessableContent)
            #expect(try await client.json("/api/v1/feedback").status == .unauthorized)
        }
    }

    @Test func anOfficerTakesFeedbackAtTheCounterAndOverdueItemsRaiseAnAlert() async throws {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        let alerts = AlertMonitor(
            database: hall.database, targets: hall.settings.targets, clock: hall.clock, events: HallEventHub(database: hall.database))
        try await withAPI(hall) { client in
            _ = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            let quay1 = try await client.login("quay1")
            let receipt = try await Self.submit(client, token: quay1, extra: #","ticket":"a001""#)
            let code = try #require(try receipt.object()["code"] as? String)
            let early = try await client.login("giamsat")
            let item = try #require((try await client.json("/api/v1/feedback", token: early).object()["items"] as? [[String: Any]])?.first)
            #expect(
                item["channel"] as? String == "counter" && item["receivedBy"] as? String == "quay1" && item["ticket"] as? String == "A001")
            #expect(try await alerts.evaluate().contains { $0.kind == .feedbackOverdue } == false)

            // 17 March, past the 16 March deadline and still open: a standing supervisor alert, and the report counts it.
            hall.clock.set(ManualClock.vietnamDate("2026-03-17 08:00"))
            let supervisor = try await client.login("giamsat")
            let alert = try #require(try await alerts.evaluate().first { $0.kind == .feedbackOverdue })
            #expect(alert.message == "1 phản ánh, kiến nghị đã quá hạn xử lý; hãy giao và trả lời ngay.")
            let listed = try await client.json("/api/v1/feedback", token: supervisor).object()
            #expect(listed["overdue"] as? Int == 1)
            _ = try await client.json(
                "/api/v1/feedback/\(code)/assign", .post, token: supervisor, body: #"{"assignee":"quay2"}"#)
            let report = try await client.json("/api/v1/reports?from=2026-03-01&to=2026-03-14", token: supervisor).object()
            let voice = try #require(report["citizenVoice"] as? [String: Any])
            #expect(voice["feedbackReceived"] as? Int == 1 && voice["feedbackOverdue"] as? Int == 1)
            #expect(voice["feedbackHandledOnTime"] as? Int == 0 && voice["feedbackClassified"] as? Int == 0)
        }
    }
}
