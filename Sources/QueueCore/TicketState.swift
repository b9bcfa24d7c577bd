/// Where a ticket is in its life. `waiting` covers both freshly issued and transferred tickets.
public enum TicketState: String, Codable, Sendable, CaseIterable {
    case waiting, called, serving, done
    case noShow = "no-show"
    case cancelled

    public var isFinal: Bool {
        switch self {
        case .done, .noShow, .cancelled: true
        case .waiting, .called, .serving: false
        }
    }

    /// Whether the ticket currently occupies a counter.
    public var isAtCounter: Bool { self == .called || self == .serving }
}

/// How a served ticket ended (kết quả xử lý).
public enum Outcome: String, Codable, Sendable, CaseIterable {
    /// Result handed back on the spot (trả kết quả ngay).
    case returned
    /// Complete dossier received, result promised later (tiếp nhận, hẹn trả).
    case received
    /// Guidance only, dossier incomplete (hướng dẫn, hồ sơ chưa đủ).
    case guided
}

/// The ticket life as a pure function: which action is allowed from which state, and where it leads.
///
/// issued(waiting) → called (→ recalled n times) → serving → done · no-show · transferred(back to waiting
/// in another field, keeping its issue time) · cancelled.
public enum TicketStateMachine {
    public static func next(after action: TicketAction, from state: TicketState) throws(QueueError) -> TicketState {
        switch (action, state) {
        case (.recall, .called): return .called
        case (.serve, .called): return .serving
        case (.done, .serving), (.done, .called): return .done
        case (.noShow, .called): return .noShow
        case (.transfer, .called), (.transfer, .serving): return .waiting
        case (.cancel, .waiting), (.cancel, .called): return .cancelled
        default:
            throw QueueError(.invalidTransition, action: action.name, state: state)
        }
    }

    /// The state a freshly called ticket must be in.
    public static func canCall(_ state: TicketState) -> Bool { state == .waiting }
}

/// Every change to a ticket is one appended event of one of these kinds.
public enum TicketEventKind: String, Codable, Sendable, CaseIterable {
    case issued, called, recalled, serving, done
    case noShow = "no-show"
    case transferred, cancelled
    /// A citizen's rating attached to the ticket (keypad or rating page).
    case rated
    /// Staff recorded the dossier handed in with this ticket (and its promised return).
    case dossierReceived = "dossier-received"
    /// The result of a dossier went back to the citizen.
    case resultReturned = "result-returned"
    /// A no-show who came back was put in the queue again, at the place staff chose.
    case requeued
}

/// The printed number: the field's prefix and at least three digits (`A001`, `A999`, `A1000`).
public enum TicketLabel {
    public static func make(prefix: String, number: Int) -> String {
        let digits = String(number)
        let padding = String(repeating: "0", count: max(0, 3 - digits.count))
        return prefix + padding + digits
    }
}

/// A staff action on a ticket that already exists. `call` is reached through "next", not here.
public enum TicketAction: Sendable, Equatable {
    case recall
    case serve
    case done(Outcome)
    case noShow
    case transfer(toField: String)
    case cancel

    public var eventKind: TicketEventKind {
        switch self {
        case .recall: .recalled
        case .serve: .serving
        case .done: .done
        case .noShow: .noShow
        case .transfer: .transferred
        case .cancel: .cancelled
        }
    }

    public var name: String {
        switch self {
        case .recall: "recall"
        case .serve: "serve"
        case .done: "done"
        case .noShow: "no-show"
        case .transfer: "transfer"
        case .cancel: "cancel"
        }
    }
}
