import GRDB
public import QueueCore

extension AppDatabase {
    /// The recorded arrivals and service times of service days `from`…`to` (inclusive), for the planner.
    public func staffingHistory(from: DayKey, to: DayKey) async throws -> StaffingHistory {
        try await writer.read { db in
            var history = StaffingHistory()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT serviceDay, field, issuedAt, servingAt, endedAt, state FROM ticket
                    WHERE serviceDay BETWEEN ? AND ?
                    """,
                arguments: [from.iso, to.iso])
            while let row = try rows.next() {
                history.add(
                    ReportTicket(
                        serviceDay: DayKey(iso: row[0]), field: row[1], issuedAt: Millis.date(row[2]),
                        servingAt: (row[3] as Int64?).map(Millis.date), endedAt: (row[4] as Int64?).map(Millis.date),
                        state: TicketState(rawValue: row[5]) ?? .cancelled))
            }
            return history
        }
    }
}
