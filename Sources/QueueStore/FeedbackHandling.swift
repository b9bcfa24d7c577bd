public import Foundation
import GRDB
import QueueCore

/// The supervisor's and the officer's steps on a feedback item; each one is timestamped on the item and written
/// to the audit log in the same transaction. No officer handles or closes an item about themselves.
extension AppDatabase {
    public func classifyFeedback(code: String, _ classification: FeedbackClassification, by stamp: AuditStamp, at now: Date)
        async throws -> FeedbackItem
    {
        try await writer.write { db in
            let item = try Self.openFeedback(db, code: code, at: now)
            if let field = classification.field,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM field WHERE code = ?", arguments: [field]) != true
            {
                throw QueueError.unknownField(field)
            }
            let officer = try classification.officerConcerned.map { try Self.requireUser(db, $0) }
            if let officer, let assignee = item.assignee, officer.caseInsensitiveCompare(assignee) == .orderedSame {
                throw Self.selfHandling(officer)
            }
            try db.execute(
                sql: """
                    UPDATE feedback SET kind = ?, field = ?, officerConcerned = ?, classifiedAt = ?,
                      status = CASE status WHEN 'received' THEN 'classified' ELSE status END WHERE code = ?
                    """,
                arguments: [classification.kind.rawValue, classification.field, officer, Millis.of(now), code])
            try appendAudit(
                db, .feedbackClassified, target: code, before: nil, after: try Self.auditJSON(classification), by: stamp, at: now)
            return try Self.feedback(db, code: code, at: now)!
        }
    }

    public func assignFeedback(code: String, to assignee: String, by stamp: AuditStamp, at now: Date) async throws -> FeedbackItem {
        try await writer.write { db in
            let item = try Self.openFeedback(db, code: code, at: now)
            let user = try Self.requireUser(db, assignee)
            if let officer = item.officerConcerned, officer.caseInsensitiveCompare(user) == .orderedSame {
                throw Self.selfHandling(user)
            }
            try db.execute(
                sql: "UPDATE feedback SET assignee = ?, assignedAt = ?, status = 'assigned' WHERE code = ?",
                arguments: [user, Millis.of(now), code])
            try appendAudit(db, .feedbackAssigned, target: code, before: item.assignee, after: user, by: stamp, at: now)
            return try Self.feedback(db, code: code, at: now)!
        }
    }

    /// The assignee's answer, which the citizen reads under the tracking code.
    public func answerFeedback(code: String, answer: String, by username: String, client: String?, at now: Date) async throws
        -> FeedbackItem
    {
        try await writer.write { db in
            let item = try Self.openFeedback(db, code: code, at: now)
            guard let assignee = item.assignee, assignee.caseInsensitiveCompare(username) == .orderedSame else {
                throw QueueError(
                    .notAssignee, message: "Phản ánh \(code) không được giao cho bạn; chỉ người được giao mới trả lời.",
                    englishMessage: "Feedback \(code) is not assigned to you; only its assignee answers it.")
            }
            try db.execute(
                sql: "UPDATE feedback SET answer = ?, answeredAt = ?, status = 'answered' WHERE code = ?",
                arguments: [answer, Millis.of(now), code])
            try appendAudit(
                db, .feedbackAnswered, target: code, before: item.answer, after: answer,
                by: AuditStamp(actor: username, client: client), at: now)
            return try Self.feedback(db, code: code, at: now)!
        }
    }

    /// Closes an answered item; the officer it concerns cannot close it.
    public func closeFeedback(code: String, by stamp: AuditStamp, at now: Date) async throws -> FeedbackItem {
        try await writer.write { db in
            let item = try Self.openFeedback(db, code: code, at: now)
            if let officer = item.officerConcerned, let actor = stamp.actor, officer.caseInsensitiveCompare(actor) == .orderedSame {
                throw Self.selfHandling(actor)
            }
            guard item.status == .answered else {
                throw QueueError(
                    .feedbackUnanswered, message: "Phản ánh \(code) chưa có câu trả lời; hãy giao và trả lời trước khi đóng.",
                    englishMessage: "Feedback \(code) has no answer yet; assign and answer it before closing.")
            }
            try db.execute(
                sql: "UPDATE feedback SET status = 'closed', closedAt = ? WHERE code = ?", arguments: [Millis.of(now), code])
            try appendAudit(db, .feedbackClosed, target: code, before: nil, after: nil, by: stamp, at: now)
            return try Self.feedback(db, code: code, at: now)!
        }
    }

    static func selfHandling(_ officer: String) -> QueueError {
        QueueError(
            .feedbackSelf, message: "Phản ánh này liên quan đến cán bộ “\(officer)”; không giao hay đóng bởi chính người đó.",
            englishMessage: "This feedback concerns officer '\(officer)'; they cannot handle or close it.")
    }
}
