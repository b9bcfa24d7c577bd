public import Foundation

/// Priority classes served before others (người cao tuổi, người khuyết tật, …).
public enum Priority: String, Codable, Sendable, CaseIterable {
    case none, elderly, disabled, pregnant, infant, merit

    public var isPriority: Bool { self != .none }

    public var vietnameseName: String {
        switch self {
        case .none: "Thông thường"
        case .elderly: "Người cao tuổi"
        case .disabled: "Người khuyết tật"
        case .pregnant: "Phụ nữ mang thai"
        case .infant: "Người đi cùng trẻ nhỏ"
        case .merit: "Người có công"
        }
    }

    public var englishName: String {
        switch self {
        case .none: "Regular"
        case .elderly: "Elderly"
        case .disabled: "Disability"
        case .pregnant: "Pregnant"
        case .infant: "With infant"
        case .merit: "Meritorious person"
        }
    }
}

/// A ticket that waits to be called, as the priority rule sees it.
public struct WaitingTicket: Sendable, Equatable {
    public var id: Int64
    public var priority: Priority
    /// Its place in the queue: the original issue time (a transferred ticket keeps it, so it is not sent to the
    /// back), or the place staff put a returning no-show at.
    public var issuedAt: Date

    public init(id: Int64, priority: Priority, issuedAt: Date) {
        self.id = id
        self.priority = priority
        self.issuedAt = issuedAt
    }
}

/// Who a counter calls next, across all the fields it serves.
///
/// Priority tickets (elderly, disabled, pregnant, with infant, meritorious person) go first, oldest first.
/// To keep normal tickets from starving, a counter that has called `maxConsecutivePriority` priority tickets
/// in a row must call the oldest normal ticket next when one waits. So a normal ticket at the head of the
/// line is passed over by at most `maxConsecutivePriority` priority tickets per counter.
public struct PriorityRule: Sendable, Equatable {
    public var maxConsecutivePriority: Int

    public init(maxConsecutivePriority: Int = 2) {
        self.maxConsecutivePriority = max(1, maxConsecutivePriority)
    }

    /// The ticket to call next and the counter's new count of priority calls in a row.
    public struct Choice: Sendable, Equatable {
        public var ticket: WaitingTicket
        /// The counter's new count of priority calls in a row.
        public var priorityStreak: Int
    }

    public func pick(from waiting: [WaitingTicket], priorityStreak: Int) -> Choice? {
        let oldestPriority = waiting.filter(\.priority.isPriority).min(by: Self.older)
        let oldestNormal = waiting.filter { !$0.priority.isPriority }.min(by: Self.older)
        if let priority = oldestPriority, oldestNormal == nil || priorityStreak < maxConsecutivePriority {
            return Choice(ticket: priority, priorityStreak: priorityStreak + 1)
        }
        return oldestNormal.map { Choice(ticket: $0, priorityStreak: 0) }
    }

    static func older(_ lhs: WaitingTicket, _ rhs: WaitingTicket) -> Bool {
        (lhs.issuedAt, lhs.id) < (rhs.issuedAt, rhs.id)
    }
}
