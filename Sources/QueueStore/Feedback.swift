public import Foundation
import GRDB

/// A citizen's feedback or complaint (phản ánh, kiến nghị) and where its handling stands.
///
/// The path is received → classified (kind, field, officer concerned) → assigned → answered → closed; every step
/// keeps its time. The deadline is fixed at receipt, a number of working days on the hall's calendar.
public struct FeedbackItem: Codable, Sendable, Equatable {
    /// Where an item stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case received, classified, assigned, answered, closed
    }

    /// What the supervisor files it as.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case phanAnh = "phan-anh"
        case kienNghi = "kien-nghi"
        case khieuNai = "khieu-nai"
        case gopY = "gop-y"
    }

    /// Where the citizen gave it.
    public enum Channel: String, Codable, Sendable {
        case kiosk, web, counter
    }

    public var code: String
    public var subject: String
    public var text: String
    public var contact: String?
    public var channel: Channel
    /// The related ticket's number.
    public var ticket: String?
    public var dossier: String?
    public var status: Status
    public var kind: Kind?
    public var field: String?
    public var officerConcerned: String?
    public var assignee: String?
    public var answer: String?
    /// The officer who took it at a counter.
    public var receivedBy: String?
    public var receivedAt: Date
    public var deadline: Date
    public var classifiedAt: Date?
    public var assignedAt: Date?
    public var answeredAt: Date?
    public var closedAt: Date?
    /// Not closed by its deadline (open past it, or closed after it).
    public var overdue: Bool

    init(row: Row, now: Date) {
        code = row["code"]
        subject = row["subject"]
        text = row["text"]
        contact = row["contact"]
        channel = Channel(rawValue: row["channel"]) ?? .web
        ticket = row["label"]
        dossier = row["dossier"]
        status = Status(rawValue: row["status"]) ?? .received
        kind = (row["kind"] as String?).flatMap(Kind.init(rawValue:))
        field = row["field"]
        officerConcerned = row["officerConcerned"]
        assignee = row["assignee"]
        answer = row["answer"]
        receivedBy = row["receivedBy"]
        receivedAt = Millis.date(row["receivedAt"])
        deadline = Millis.date(row["deadline"])
        classifiedAt = (row["classifiedAt"] as Int64?).map(Millis.date)
        assignedAt = (row["assignedAt"] as Int64?).map(Millis.date)
        answeredAt = (row["answeredAt"] as Int64?).map(Millis.date)
        closedAt = (row["closedAt"] as Int64?).map(Millis.date)
        overdue = (closedAt ?? now) > deadline
    }

    /// What the citizen sees under the tracking code: no officer names, no contact.
    public var publicView: FeedbackStatusView {
        FeedbackStatusView(
            code: code, subject: subject, status: status, receivedAt: receivedAt, deadline: deadline, answer: answer,
            answeredAt: answeredAt, closedAt: closedAt)
    }
}

/// A feedback item as its tracking code shows it to anyone.
public struct FeedbackStatusView: Codable, Sendable, Equatable {
    public var code: String
    public var subject: String
    public var status: FeedbackItem.Status
    public var receivedAt: Date
    public var deadline: Date
    public var answer: String?
    public var answeredAt: Date?
    public var closedAt: Date?
}

/// What a citizen (or an officer for them) submits.
public struct FeedbackSubmission: Sendable {
    public var subject: String
    public var text: String
    public var contact: String?
    public var channel: FeedbackItem.Channel
    /// The related ticket: its token (from the ticket page) or today's number (at a counter).
    public var ticket: String?
    public var dossier: String?
    public var receivedBy: String?

    public init(
        subject: String, text: String, contact: String? = nil, channel: FeedbackItem.Channel, ticket: String? = nil,
        dossier: String? = nil, receivedBy: String? = nil
    ) {
        self.subject = subject
        self.text = text
        self.contact = contact
        self.channel = channel
        self.ticket = ticket
        self.dossier = dossier
        self.receivedBy = receivedBy
    }
}

/// A supervisor's filing of an item.
public struct FeedbackClassification: Sendable, Codable, Equatable {
    public var kind: FeedbackItem.Kind
    public var field: String?
    public var officerConcerned: String?

    public init(kind: FeedbackItem.Kind, field: String? = nil, officerConcerned: String? = nil) {
        self.kind = kind
        self.field = field
        self.officerConcerned = officerConcerned
    }
}

extension AuditAction {
    public static let feedbackReceived = AuditAction(rawValue: "feedback.received")
    public static let feedbackClassified = AuditAction(rawValue: "feedback.classified")
    public static let feedbackAssigned = AuditAction(rawValue: "feedback.assigned")
    public static let feedbackAnswered = AuditAction(rawValue: "feedback.answered")
    public static let feedbackClosed = AuditAction(rawValue: "feedback.closed")
}
