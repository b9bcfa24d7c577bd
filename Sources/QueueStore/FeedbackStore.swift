public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Records a citizen's feedback with its tracking code and deadline; the related ticket is found by its token
    /// or today's number (an unknown one is refused, nothing stored).
    public func submitFeedback(_ submission: FeedbackSubmission, deadline: Date, by stamp: AuditStamp, at now: Date)
        async throws -> FeedbackItem
    {
        try await writer.write { db in
            let ticket = try submission.ticket.map { try Self.feedbackTicket(db, $0, at: now) }
            var code = BookingCode.make()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM feedback WHERE code = ?", arguments: [code]) == true {
                code = BookingCode.make()
            }
            try db.execute(
                sql: """
                    INSERT INTO feedback (code, subject, text, contact, channel, ticket, dossier, status, receivedBy, receivedAt,
                      serviceDay, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)
                    """,
                arguments: [
                    code, submission.subject, submission.text, submission.contact, submission.channel.rawValue, ticket,
                    submission.dossier, submission.receivedBy, Millis.of(now), VietnamTime.serviceDay(of: now), Millis.of(deadline),
                ])
            try appendAudit(db, .feedbackReceived, target: code, before: nil, after: submission.channel.rawValue, by: stamp, at: now)
            return try Self.feedback(db, code: code, at: now)!
        }
    }

    public func feedback(code: String, at now: Date) async throws -> FeedbackItem? {
        try await writer.read { db in try Self.feedback(db, code: code, at: now) }
    }

    /// Items oldest first: the open ones (or all), only those assigned to `assignee` when it is given.
    public func feedbackItems(includeClosed: Bool, assignee: String?, at now: Date) async throws -> [FeedbackItem] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT feedback.*, ticket.label FROM feedback LEFT JOIN ticket ON ticket.id = feedback.ticket
                    WHERE (?1 OR feedback.status <> 'closed') AND (?2 IS NULL OR feedback.assignee = ?2 COLLATE NOCASE)
                    ORDER BY feedback.receivedAt, feedback.id
                    """,
                arguments: [includeClosed, assignee]
            ).map { FeedbackItem(row: $0, now: now) }
        }
    }

    /// Open items past their deadline, for the supervisor alert.
    public func overdueFeedbackCount(at now: Date) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM feedback WHERE status <> 'closed' AND deadline < ?", arguments: [Millis.of(now)]) ?? 0
        }
    }

    static func feedback(_ db: Database, code: String, at now: Date) throws -> FeedbackItem? {
        try Row.fetchOne(
            db,
            sql: "SELECT feedback.*, ticket.label FROM feedback LEFT JOIN ticket ON ticket.id = feedback.ticket WHERE feedback.code = ?",
            arguments: [code]
        ).map { FeedbackItem(row: $0, now: now) }
    }

    /// The item behind `code`, refused when unknown or already closed.
    static func openFeedback(_ db: Database, code: String, at now: Date) throws -> FeedbackItem {
        guard let item = try feedback(db, code: code, at: now) else {
            throw QueueError(
                .unknownFeedback, message: "Không có phản ánh, kiến nghị mã “\(code)”.", englishMessage: "No feedback with code '\(code)'.")
        }
        guard item.status != .closed else {
            throw QueueError(
                .feedbackClosed, message: "Phản ánh \(code) đã đóng.", englishMessage: "Feedback \(code) is already closed.")
        }
        return item
    }

    static func feedbackTicket(_ db: Database, _ reference: String, at now: Date) throws -> Int64 {
        let id =
            Ticket.isWellFormedToken(reference)
            ? try Int64.fetchOne(db, sql: "SELECT id FROM ticket WHERE token = ?", arguments: [reference])
            : try Int64.fetchOne(
                db, sql: "SELECT id FROM ticket WHERE serviceDay = ? AND label = ?",
                arguments: [VietnamTime.serviceDay(of: now), reference.uppercased()])
        guard let id else {
            throw QueueError(
                .invalidInput, message: "Không tìm thấy số thứ tự “\(reference)” của hôm nay; bỏ trống nếu không có.",
                englishMessage: "No ticket '\(reference)' today; leave it empty if there is none.")
        }
        return id
    }

    static func requireUser(_ db: Database, _ username: String) throws -> String {
        guard let name = try String.fetchOne(db, sql: "SELECT username FROM user WHERE username = ?", arguments: [username]) else {
            throw QueueError(
                .invalidInput, message: "Không có tài khoản “\(username)”.", englishMessage: "No account named '\(username)'.")
        }
        return name
    }
}
