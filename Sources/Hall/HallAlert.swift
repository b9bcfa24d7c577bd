public import Foundation

/// Something the supervisor should act on now. `id` names the situation (kind + field/counter/dossier), so
/// the same situation is announced once and stays listed until it clears.
public struct HallAlert: Codable, Sendable, Equatable {
    /// What the alert is about.
    public enum Kind: String, Codable, Sendable {
        /// A new ticket in the field would wait longer than its target.
        case predictedWait = "predicted-wait"
        /// Someone has already waited past the target.
        case ticketOverTarget = "ticket-over-target"
        /// A counter stands idle while its fields have people waiting.
        case idleCounter = "idle-counter"
        /// A same-day promise is about to be (or has been) missed.
        case promiseAtRisk = "promise-at-risk"
        /// Feedback (phản ánh, kiến nghị) still open past its deadline: the seeds ask 100 % handled.
        case feedbackOverdue = "feedback-overdue"
        /// A printer, display or keypad needs attention.
        case device
        /// The database file was deleted or replaced while running (put back, or issuing stopped).
        case store
    }

    public var id: String
    public var kind: Kind
    public var field: String?
    public var counter: Int?
    public var message: String
    public var messageEn: String
    public var at: Date

    public init(id: String, kind: Kind, field: String? = nil, counter: Int? = nil, message: String, messageEn: String, at: Date) {
        self.id = id
        self.kind = kind
        self.field = field
        self.counter = counter
        self.message = message
        self.messageEn = messageEn
        self.at = at
    }
}
