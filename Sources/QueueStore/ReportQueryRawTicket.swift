import Foundation
import QueueCore

/// One ticket row as read from SQLite, before the Vietnam-time breakdown `ReportTicket` does: the reading
/// thread only copies integers, and the counting thread (`ReportQueryPipe`) builds the `ReportTicket`, so the
/// two cores share the work more evenly.
struct ReportQueryRawTicket: Sendable {
    var field: String
    var staff: String?
    var counter: Int64?
    var issued: Int64
    var firstCalled: Int64?
    var serving: Int64?
    var ended: Int64?
    var estimateMinutes: Int64?
    var state: TicketState
    var transferred: Bool

    func ticket(day: DayKey) -> ReportTicket {
        ReportTicket(
            serviceDay: day, field: field, counter: counter.map { Int($0) }, staff: staff, issuedAt: Millis.date(issued),
            calledAt: firstCalled.map(Millis.date), servingAt: serving.map(Millis.date), endedAt: ended.map(Millis.date),
            state: state, transferred: transferred)
    }
}
