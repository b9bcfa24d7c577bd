public import Foundation
import GRDB

/// One text message in the outbox.
public struct SMSMessage: Codable, Sendable, Equatable {
    /// Where a message stands: queued (waiting for its next attempt), sent, failed (given up), expired (its day
    /// passed before it could go; the phone is gone).
    public enum State: String, Codable, Sendable, CaseIterable {
        case queued, sent, failed, expired
    }

    /// Why it is sent.
    public enum Kind: String, Codable, Sendable {
        /// "Sắp đến lượt": the ticket is 3 or fewer places from the counter.
        case nearTurn = "near-turn"
        case bookingConfirmed = "booking-confirmed"
    }

    public var id: Int64
    public var phone: String?
    public var text: String
    public var kind: Kind
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var sentAt: Date?

    init(row: Row) {
        id = row["id"]
        phone = row["phone"]
        text = row["text"]
        kind = Kind(rawValue: row["kind"]) ?? .nearTurn
        state = State(rawValue: row["state"]) ?? .failed
        attempts = row["attempts"]
        nextAttemptAt = Millis.date(row["nextAttemptAt"])
        lastError = row["lastError"]
        sentAt = (row["sentAt"] as Int64?).map(Millis.date)
    }

    /// The phone as staff pages show it: the last three digits only.
    public static func masked(_ phone: String) -> String {
        String(repeating: "•", count: max(0, phone.count - 3)) + phone.suffix(3)
    }
}

/// A waiting ticket whose citizen asked for the near-turn message.
public struct NearTurnWatch: Sendable, Equatable {
    public var ticket: Int64
    public var token: String
    public var label: String
    public var ahead: Int
}
