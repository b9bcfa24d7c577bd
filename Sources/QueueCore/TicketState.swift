/// Where a ticket is in its life. `waiting` covers both freshly issued and transferred tickets.
public enum TicketState: String, Codable, Sendable, CaseIterable {
    case waiting, called, serving, done, noShow = "no-show", cancelled

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
