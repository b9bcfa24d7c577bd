import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Report accumulator merge")
struct ReportMergeTests {
    /// 200 tickets over fields, counters, staff and hours: counted in one accumulator, or split in two
    /// (as the store's two readers do) and merged — the figures are identical.
    @Test func countingInTwoSlicesAndMergingGivesTheSameFigures() throws {
        let period = try ReportPeriod(parsing: "month:2026-03")
        let asOf = ManualClock.vietnamDate("2026-04-01 08:00")
        let start = ManualClock.vietnamDate("2026-03-02 07:30")
        let tickets = (0..<200).map { index in
            let issued = start.addingTimeInterval(Double(index * 517 % 30_000))
            let states: [TicketState] = [.done, .done, .noShow, .cancelled, .waiting]
            return ReportTicket(
                field: ["dat-dai", "ho-tich", "chung-thuc"][index % 3], counter: index % 4 + 1, staff: "quay\(index % 5)",
                issuedAt: issued, calledAt: issued.addingTimeInterval(Double(index * 37 % 1_800)),
                servingAt: issued.addingTimeInterval(Double(index * 37 % 1_800 + 30)),
                endedAt: issued.addingTimeInterval(Double(index * 37 % 1_800 + 400)), state: states[index % 5],
                transferred: index % 11 == 0)
        }
        var whole = ReportAccumulator(period: period, asOf: asOf)
        var first = ReportAccumulator(period: period, asOf: asOf)
        var second = ReportAccumulator(period: period, asOf: asOf)
        for (index, ticket) in tickets.enumerated() {
            whole.add(ticket)
            if index < 83 { first.add(ticket) } else { second.add(ticket) }
        }
        first.merge(second)
        #expect(first.finish() == whole.finish())
        #expect(whole.finish().total.issued == 200)
    }
}
