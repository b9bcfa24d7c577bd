public import Foundation

/// One ticket's facts as a report needs them, read from the store by the report query.
///
/// `calledAt` is the *first* call (wait = first call − issue, as the no-wait rules define it), `field` the
/// field the ticket ended in, `counter`/`staff` the last counter and staff member that handled it. The issue
/// hour and weekday are Vietnam time, computed once here so the accumulator only indexes arrays.
public struct ReportTicket: Sendable, Equatable {
    public var serviceDay: DayKey
    public var field: String
    public var counter: Int?
    public var staff: String?
    public var issuedAt: Date
    public var calledAt: Date?
    public var servingAt: Date?
    public var endedAt: Date?
    public var state: TicketState
    public var transferred: Bool
    /// 0…23, Vietnam time.
    public var issueHour: Int
    /// 1 = Monday … 7 = Sunday, Vietnam time.
    public var issueWeekday: Int

    public init(
        serviceDay: DayKey? = nil, field: String, counter: Int? = nil, staff: String? = nil, issuedAt: Date,
        calledAt: Date? = nil, servingAt: Date? = nil, endedAt: Date? = nil, state: TicketState, transferred: Bool = false
    ) {
        let reading = VietnamTime.reading(issuedAt)
        self.serviceDay = serviceDay ?? DayKey(issuedAt)
        self.field = field
        self.counter = counter
        self.staff = staff
        self.issuedAt = issuedAt
        self.calledAt = calledAt
        self.servingAt = servingAt
        self.endedAt = endedAt
        self.state = state
        self.transferred = transferred
        self.issueHour = reading.hour
        self.issueWeekday = reading.weekday
    }
}

/// One result-return promise: when the dossier was received, when the result was promised, when (if yet) it was
/// returned, and whether the procedure was a same-day one.
public struct ReportPromise: Sendable, Equatable {
    public var field: String
    public var receivedAt: Date
    public var promisedAt: Date
    public var returnedAt: Date?
    public var sameDay: Bool

    public init(field: String, receivedAt: Date, promisedAt: Date, returnedAt: Date? = nil, sameDay: Bool) {
        self.field = field
        self.receivedAt = receivedAt
        self.promisedAt = promisedAt
        self.returnedAt = returnedAt
        self.sameDay = sameDay
    }
}

/// One satisfaction rating. Levels follow the citizen's form: 1 = rất hài lòng (very satisfied), 2 = hài lòng
/// (satisfied), 3 = bình thường (neutral), 4 = không hài lòng (dissatisfied); levels 1 and 2 count as satisfied.
public struct ReportRating: Sendable, Equatable {
    public var at: Date
    public var counter: Int?
    public var field: String?
    public var staff: String?
    public var level: Int

    public init(at: Date, counter: Int? = nil, field: String? = nil, staff: String? = nil, level: Int) {
        self.at = at
        self.counter = counter
        self.field = field
        self.staff = staff
        self.level = level
    }

    public var isSatisfied: Bool { level == 1 || level == 2 }
}
