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
    /// A checked-in booking: its slot's start (also its place in the queue); `nil` for a walk-in.
    public var bookedSlot: Date?

    public init(id: Int64, priority: Priority, issuedAt: Date, bookedSlot: Date? = nil) {
        self.id = id
        self.priority = priority
        self.issuedAt = issuedAt
        self.bookedSlot = bookedSlot
    }
}

/// Who a counter calls next, across all the fields it serves.
///
/// Priority tickets (elderly, disabled, pregnant, with infant, meritorious person) go first, oldest first.
/// To keep normal tickets from starving, a counter that has called `maxConsecutivePriority` priority tickets
/// in a row must call the oldest normal ticket next when one waits. So a normal ticket at the head of the
/// line is passed over by at most `maxConsecutivePriority` priority tickets per counter.
///
/// Bookings merge with walk-ins by the same rule: a checked-in booking takes its slot's start as its place, and
/// from `bookingLead` before that start it is served like a priority ticket. So a booked citizen is called from
/// about `bookingLead` before the slot, and soon after it when counters keep up, while a walk-in at the head of
/// the line still waits for at most `maxConsecutivePriority` such calls per counter; a slot's capacity bounds
/// how many there are.
public struct PriorityRule: Sendable, Equatable {
    public var maxConsecutivePriority: Int
    public var bookingLead: TimeInterval

    public init(maxConsecutivePriority: Int = 2, bookingLead: TimeInterval = 10 * 60) {
        self.maxConsecutivePriority = max(1, maxConsecutivePriority)
        self.bookingLead = bookingLead
    }

    /// The ticket to call next and the counter's new count of priority calls in a row.
    public struct Choice: Sendable, Equatable {
        public var ticket: WaitingTicket
        /// The counter's new count of priority calls in a row.
        public var priorityStreak: Int
    }

    /// `now` decides which bookings are due (none without it).
    public func pick(from waiting: [WaitingTicket], priorityStreak: Int, now: Date? = nil) -> Choice? {
        let first = { (ticket: WaitingTicket) in isServedFirst(ticket, now: now) }
        let oldestPriority = waiting.filter(first).min(by: Self.older)
        let oldestNormal = waiting.filter { !first($0) }.min(by: Self.older)
        if let priority = oldestPriority, oldestNormal == nil || priorityStreak < maxConsecutivePriority {
            return Choice(ticket: priority, priorityStreak: priorityStreak + 1)
        }
        return oldestNormal.map { Choice(ticket: $0, priorityStreak: 0) }
    }

    /// A priority class, or a booking whose slot starts within `bookingLead` (or has started).
    public func isServedFirst(_ ticket: WaitingTicket, now: Date?) -> Bool {
        if ticket.priority.isPriority { return true }
        guard let slot = ticket.bookedSlot, let now else { return false }
        return now >= slot.addingTimeInterval(-bookingLead)
    }

    static func older(_ lhs: WaitingTicket, _ rhs: WaitingTicket) -> Bool {
        (lhs.issuedAt, lhs.id) < (rhs.issuedAt, rhs.id)
    }
}
