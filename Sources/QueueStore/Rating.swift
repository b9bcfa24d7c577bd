public import Foundation
import GRDB
import QueueCore

/// A citizen's satisfaction rating: 1 = rất hài lòng, 2 = hài lòng, 3 = bình thường, 4 = không hài lòng.
public struct Rating: Codable, Sendable, Equatable {
    /// Where the rating came from: the tablet page or a keypad.
    public enum Source: String, Codable, Sendable {
        case keypad, web
    }

    public var id: Int64
    public var level: Int
    public var counter: Int
    /// The label of the ticket it is attached to; `nil` for an unattached rating.
    public var ticket: String?
    public var ticketId: Int64?
    public var field: String?
    public var staff: String?
    public var source: Source
    public var device: String?
    public var at: Date
    /// Why a "not satisfied" (4) citizen was not satisfied, when they said.
    public var reason: DissatisfactionReason?

    init(row: Row) {
        id = row["id"]
        level = row["level"]
        counter = row["counter"]
        ticket = row["label"]
        ticketId = row["ticket"]
        field = row["field"]
        staff = row["staff"]
        source = Source(rawValue: row["source"]) ?? .web
        device = row["device"]
        at = Millis.date(row["at"])
        reason = (row["reason"] as String?).flatMap(DissatisfactionReason.init(rawValue:))
    }
}

/// The short list the rating tablet offers after a "not satisfied".
public enum DissatisfactionReason: String, Codable, Sendable, CaseIterable {
    case waiting, attitude, guidance, papers, other
}

/// How ratings find their ticket.
public struct RatingPolicy: Sendable, Equatable {
    /// A rating belongs to the ticket served at that counter, or ended there at most this long ago.
    public var attachWindow: TimeInterval
    /// Presses at the same counter closer together than this are one rating (key bounce, double taps).
    public var repeatWindow: TimeInterval

    public init(attachWindow: TimeInterval = 180, repeatWindow: TimeInterval = 3) {
        self.attachWindow = attachWindow
        self.repeatWindow = repeatWindow
    }
}

/// What recording a rating did.
public struct RecordedRating: Sendable {
    public var rating: Rating
    /// True when the press repeated the previous one at this counter and was counted once.
    public var repeated: Bool
    /// The `rated` event when the rating was attached to a ticket.
    public var event: PublishedEvent?
}
