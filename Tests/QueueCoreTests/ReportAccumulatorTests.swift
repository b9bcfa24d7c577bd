import Foundation
import QueueCore
import Testing

/// Twelve tickets over Monday 2 and Tuesday 3 March 2026 in two fields (land, target 15 min; civil status,
/// target 10 min), six valid ratings and seven promises; every figure below is worked out by hand in the comments.
@Suite("Report accumulator")
struct ReportAccumulatorTests {
    static func at(_ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        DayKey(year: 2026, month: day > 20 ? 2 : 3, day: day)!.date(atMinute: hour * 60 + minute).addingTimeInterval(Double(second))
    }

    /// issue (day, h, m), wait s, service s (nil: not served), end state, counter, staff, transferred.
    static func ticket(
        _ field: String, _ day: Int, _ hour: Int, _ minute: Int, wait: Int?, service: Int?, _ state: TicketState,
        counter: Int?, staff: String?, transferred: Bool = false
    ) -> ReportTicket {
        let issued = at(day, hour, minute)
        let called = wait.map { issued.addingTimeInterval(Double($0)) }
        let serving = service == nil ? nil : called
        let ended: Date? =
            if let service, let called { called.addingTimeInterval(Double(service)) } else if state.isFinal {
                (called ?? issued).addingTimeInterval(120)
            } else { nil }
        return ReportTicket(
            field: field, counter: counter, staff: staff, issuedAt: issued, calledAt: called, servingAt: serving,
            endedAt: ended, state: state, transferred: transferred)
    }

    static let tickets: [ReportTicket] = [
        ticket("dat-dai", 2, 8, 0, wait: 300, service: 600, .done, counter: 1, staff: "an"),  // 1
        ticket("dat-dai", 2, 8, 10, wait: 900, service: 300, .done, counter: 1, staff: "an"),  // 2
        ticket("dat-dai", 2, 8, 20, wait: 1200, service: nil, .noShow, counter: 1, staff: "an"),  // 3
        ticket("dat-dai", 2, 9, 5, wait: 60, service: 420, .done, counter: 2, staff: "binh"),  // 4
        ticket("ho-tich", 2, 9, 10, wait: 0, service: 180, .done, counter: 2, staff: "binh"),  // 5
        ticket("ho-tich", 2, 9, 30, wait: 600, service: 240, .done, counter: 2, staff: "binh", transferred: true),  // 6
        ticket("ho-tich", 2, 10, 0, wait: nil, service: nil, .cancelled, counter: nil, staff: nil),  // 7
        ticket("dat-dai", 3, 8, 0, wait: 1800, service: 900, .done, counter: 1, staff: "chi"),  // 8
        ticket("dat-dai", 3, 8, 30, wait: 120, service: 60, .done, counter: 1, staff: "chi", transferred: true),  // 9
        ticket("ho-tich", 3, 8, 45, wait: 700, service: nil, .noShow, counter: 2, staff: "binh"),  // 10
        ticket("ho-tich", 3, 14, 0, wait: 30, service: 120, .done, counter: 2, staff: "binh"),  // 11
        ticket("ho-tich", 3, 14, 15, wait: nil, service: nil, .waiting, counter: nil, staff: nil),  // 12
    ]

    static let ratings: [ReportRating] = [
        ReportRating(at: at(2, 8, 20), counter: 1, field: "dat-dai", staff: "an", level: 1),
        ReportRating(at: at(2, 9, 20), counter: 2, field: "dat-dai", staff: "binh", level: 2),
        ReportRating(at: at(2, 9, 40), counter: 2, field: "ho-tich", staff: "binh", level: 4),
        ReportRating(at: at(3, 8, 40), counter: 1, field: "dat-dai", staff: "chi", level: 1),
        ReportRating(at: at(3, 14, 10), counter: 2, field: "ho-tich", staff: "binh", level: 3),
        ReportRating(at: at(3, 14, 20), level: 2),
        ReportRating(at: at(3, 15, 0), level: 5),  // not a level: ignored
    ]

    static let promises: [ReportPromise] = [
        // p1 same-day, returned the same day before the promise.
        ReportPromise(field: "dat-dai", receivedAt: at(2, 8, 20), promisedAt: at(2, 17, 0), returnedAt: at(2, 16, 0), sameDay: true),
        // p2 same-day, returned the next morning: neither resolved that day nor on time.
        ReportPromise(field: "ho-tich", receivedAt: at(2, 9, 40), promisedAt: at(2, 17, 0), returnedAt: at(3, 8, 0), sameDay: true),
        // p3 due after the period, not same-day: counted nowhere.
        ReportPromise(field: "dat-dai", receivedAt: at(2, 8, 30), promisedAt: at(4, 16, 0), sameDay: false),
        // p4 received before the period, due in it, returned a minute early.
        ReportPromise(field: "dat-dai", receivedAt: at(27, 10, 0), promisedAt: at(3, 10, 0), returnedAt: at(3, 9, 59), sameDay: false),
        // p5 due in the period, still not returned when the report is made: late.
        ReportPromise(field: "ho-tich", receivedAt: at(27, 10, 0), promisedAt: at(3, 11, 0), sameDay: false),
        // p6 same-day, due after the report instant and not returned: same-day not resolved, not yet due.
        ReportPromise(field: "ho-tich", receivedAt: at(3, 8, 45), promisedAt: at(3, 17, 30), sameDay: true),
        // p7 same-day, returned exactly at the promised instant: resolved and on time.
        ReportPromise(field: "dat-dai", receivedAt: at(3, 14, 0), promisedAt: at(3, 17, 0), returnedAt: at(3, 17, 0), sameDay: true),
    ]

    static func breakdown() throws -> ReportBreakdown {
        let targets = ReportTargets(waitMinutes: ["dat-dai": 15, "ho-tich": 10], fieldOrder: ["dat-dai", "ho-tich", "xay-dung"])
        var accumulator = ReportAccumulator(
            period: try ReportPeriod(parsing: "custom:2026-03-02..2026-03-03"), targets: targets, asOf: at(3, 17, 0))
        for ticket in tickets { accumulator.add(ticket) }
        for rating in ratings { accumulator.add(rating) }
        for promise in promises { accumulator.add(promise) }
        return accumulator.finish()
    }

    struct Tickets: Equatable {
        var issued, served, noShows, transferred: Int
        var waited: Int
        var mean: Double?
        var p50, p90, max: Int?
        var within: Int
        var share: Double?
        var serviceTimed: Int
        var service: Double?
    }

    func tickets(_ f: ReportFigures) -> Tickets {
        Tickets(
            issued: f.issued, served: f.served, noShows: f.noShows, transferred: f.transferred, waited: f.waited,
            mean: f.waitMeanSeconds, p50: f.waitP50Seconds, p90: f.waitP90Seconds, max: f.waitMaxSeconds,
            within: f.withinTarget, share: f.withinTargetShare, serviceTimed: f.serviceTimed, service: f.serviceMeanSeconds)
    }

    @Test func totalRow() throws {
        let total = try Self.breakdown().total
        #expect(total.key == "total")
        // Waits 0 30 60 120 300 600 700 900 1200 1800: sum 5710; rank 5 → 300; rank 9 → 1200.
        // Within target: land 300 900 60 120 (not 1200, 1800); civil status 0 600 30 (not 700) → 7 of 10.
        // Service 600 300 420 180 240 900 60 120: 2820 / 8.
        #expect(
            tickets(total)
                == Tickets(
                    issued: 12, served: 8, noShows: 2, transferred: 2, waited: 10, mean: 571, p50: 300, p90: 1200, max: 1800,
                    within: 7, share: 0.7, serviceTimed: 8, service: 352.5))
        #expect(total.ratings == 6)
        #expect(total.ratingLevels == [2, 2, 1, 1])
        #expect(total.satisfied == 4)
        #expect(total.satisfactionRate == 4.0 / 6)
        #expect(total.satisfactionTarget == 0.95)
        #expect(total.satisfactionMet == false)
        // Same-day: p1 p7 resolved, p2 p6 not. Due: p1 p4 p7 on time, p2 p5 late.
        #expect([total.sameDayPromises, total.sameDayResolved, total.promisesDue, total.promisesOnTime] as [Int] == [4, 2, 5, 3])
        #expect(total.sameDayRate == 0.5)
        #expect(total.promisesOnTimeRate == 0.6)
        #expect(total.promisesOnTimeTarget == 0.98)
        #expect(total.promisesOnTimeMet == false)
    }

    @Test func fieldRows() throws {
        let rows = try Self.breakdown().byField
        #expect(rows.map(\.key) == ["dat-dai", "ho-tich", "xay-dung"])
        // Land: waits 60 120 300 900 1200 1800 (sum 4380; rank 3 → 300; rank ⌈5.4⌉ = 6 → 1800); service 2280 / 5.
        #expect(
            tickets(rows[0])
                == Tickets(
                    issued: 6, served: 5, noShows: 1, transferred: 1, waited: 6, mean: 730, p50: 300, p90: 1800, max: 1800,
                    within: 4, share: 4.0 / 6, serviceTimed: 5, service: 456))
        // Civil status: waits 0 30 600 700 (sum 1330; rank 2 → 30; rank ⌈3.6⌉ = 4 → 700); service 540 / 3.
        #expect(
            tickets(rows[1])
                == Tickets(
                    issued: 6, served: 3, noShows: 1, transferred: 1, waited: 4, mean: 332.5, p50: 30, p90: 700, max: 700,
                    within: 3, share: 0.75, serviceTimed: 3, service: 180))
        #expect(
            tickets(rows[2])
                == Tickets(
                    issued: 0, served: 0, noShows: 0, transferred: 0, waited: 0, mean: nil, p50: nil, p90: nil, max: nil,
                    within: 0, share: nil, serviceTimed: 0, service: nil))
        #expect(rows.map(\.ratings) == [3, 2, 0])
        #expect(rows.map(\.satisfactionRate) == [1, 0, nil])
        #expect(rows.map(\.satisfactionTarget) == [0.85, 0.95, 0.85])
        #expect(rows.map(\.satisfactionMet) == [true, false, nil])
        #expect(rows.map(\.sameDayRate) == [1, 0, nil])
        #expect(rows.map(\.promisesDue) == [3, 2, 0])
        #expect(rows.map(\.promisesOnTimeRate) == [1, 0, nil])
        #expect(rows.map(\.promisesOnTimeMet) == [true, false, nil])
    }

    @Test func counterAndStaffRows() throws {
        let breakdown = try Self.breakdown()
        #expect(breakdown.byCounter.map(\.key) == ["1", "2"])
        // Counter 1: tickets 1 2 3 8 9; waits 120 300 900 1200 1800 (sum 4320); service 1860 / 4.
        #expect(
            tickets(breakdown.byCounter[0])
                == Tickets(
                    issued: 5, served: 4, noShows: 1, transferred: 1, waited: 5, mean: 864, p50: 900, p90: 1800, max: 1800,
                    within: 3, share: 0.6, serviceTimed: 4, service: 465))
        // Counter 2: tickets 4 5 6 10 11; waits 0 30 60 600 700 (sum 1390); 700 misses civil status' 10 minutes.
        let counter2 = Tickets(
            issued: 5, served: 4, noShows: 1, transferred: 1, waited: 5, mean: 278, p50: 60, p90: 700, max: 700,
            within: 4, share: 0.8, serviceTimed: 4, service: 240)
        #expect(tickets(breakdown.byCounter[1]) == counter2)
        #expect(breakdown.byCounter.map(\.ratings) == [2, 3])
        #expect(breakdown.byCounter.map(\.satisfactionRate) == [1, 1.0 / 3])
        #expect(breakdown.byStaff.map(\.key) == ["an", "binh", "chi"])
        #expect(
            tickets(breakdown.byStaff[0])
                == Tickets(
                    issued: 3, served: 2, noShows: 1, transferred: 0, waited: 3, mean: 800, p50: 900, p90: 1200, max: 1200,
                    within: 2, share: 2.0 / 3, serviceTimed: 2, service: 450))
        #expect(tickets(breakdown.byStaff[1]) == counter2)
        #expect(
            tickets(breakdown.byStaff[2])
                == Tickets(
                    issued: 2, served: 2, noShows: 0, transferred: 1, waited: 2, mean: 960, p50: 120, p90: 1800, max: 1800,
                    within: 1, share: 0.5, serviceTimed: 2, service: 480))
        // Counter and staff rows carry no promises (a promise knows only its field).
        #expect(breakdown.byStaff.map(\.promisesDue) == [0, 0, 0])
    }

    @Test func hourAndWeekdayRows() throws {
        let breakdown = try Self.breakdown()
        #expect(breakdown.byHour.map(\.key) == ["08", "09", "10", "14"])
        // 08: tickets 1 2 3 8 9 10; waits 120 300 700 900 1200 1800 (sum 5020).
        #expect(
            tickets(breakdown.byHour[0])
                == Tickets(
                    issued: 6, served: 4, noShows: 2, transferred: 1, waited: 6, mean: 5020.0 / 6, p50: 700, p90: 1800,
                    max: 1800, within: 3, share: 0.5, serviceTimed: 4, service: 465))
        #expect(
            tickets(breakdown.byHour[1])
                == Tickets(
                    issued: 3, served: 3, noShows: 0, transferred: 1, waited: 3, mean: 220, p50: 60, p90: 600, max: 600,
                    within: 3, share: 1, serviceTimed: 3, service: 280))
        #expect(
            tickets(breakdown.byHour[2])
                == Tickets(
                    issued: 1, served: 0, noShows: 0, transferred: 0, waited: 0, mean: nil, p50: nil, p90: nil, max: nil,
                    within: 0, share: nil, serviceTimed: 0, service: nil))
        #expect(
            tickets(breakdown.byHour[3])
                == Tickets(
                    issued: 2, served: 1, noShows: 0, transferred: 0, waited: 1, mean: 30, p50: 30, p90: 30, max: 30,
                    within: 1, share: 1, serviceTimed: 1, service: 120))
        #expect(breakdown.byHour.map(\.ratings) == [2, 2, 0, 2])
        #expect(breakdown.byHour.map(\.satisfactionRate) == [1, 0.5, nil, 0.5])
        #expect(breakdown.byWeekday.map(\.key) == ["1", "2"])
        // Monday: waits 0 60 300 600 900 1200 (sum 3060; rank 3 → 300; rank 6 → 1200); service 1740 / 5.
        #expect(
            tickets(breakdown.byWeekday[0])
                == Tickets(
                    issued: 7, served: 5, noShows: 1, transferred: 1, waited: 6, mean: 510, p50: 300, p90: 1200, max: 1200,
                    within: 5, share: 5.0 / 6, serviceTimed: 5, service: 348))
        // Tuesday: waits 30 120 700 1800 (sum 2650); service 1080 / 3.
        #expect(
            tickets(breakdown.byWeekday[1])
                == Tickets(
                    issued: 5, served: 3, noShows: 1, transferred: 1, waited: 4, mean: 662.5, p50: 120, p90: 1800, max: 1800,
                    within: 2, share: 0.5, serviceTimed: 3, service: 360))
        #expect(breakdown.byWeekday.map(\.ratings) == [3, 3])
    }

    @Test func jsonKeepsEveryKeyWithNulls() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let row = try Self.breakdown().byField[2]
        let json = String(decoding: try encoder.encode(row), as: UTF8.self)
        #expect(
            json == """
                {"issued":0,"key":"xay-dung","noShows":0,"promisesDue":0,"promisesOnTime":0,"promisesOnTimeMet":null,\
                "promisesOnTimeRate":null,"promisesOnTimeTarget":0.98,"ratingLevels":[0,0,0,0],"ratings":0,\
                "sameDayPromises":0,"sameDayRate":null,"sameDayResolved":0,"satisfactionMet":null,"satisfactionRate":null,\
                "satisfactionTarget":0.85,"satisfied":0,"served":0,"serviceMeanSeconds":null,"serviceTimed":0,\
                "transferred":0,"waitMaxSeconds":null,"waitMeanSeconds":null,"waitP50Seconds":null,"waitP90Seconds":null,\
                "waited":0,"withinTarget":0,"withinTargetShare":null}
                """)
        #expect(try JSONDecoder().decode(ReportFigures.self, from: try encoder.encode(row)) == row)
    }

    /// Percentiles come from quickselect, not a sort: check them against the sorted definition on many random
    /// samples, with plenty of ties (waits of 0…49 s) and of every size from 1 to 300.
    @Test func percentilesMatchTheSortedNearestRank() throws {
        var state: UInt64 = 42
        for size in 1...300 {
            var waits: [Int] = []
            var accumulator = ReportAccumulator(period: try ReportPeriod(parsing: "day:2026-03-02"), asOf: Self.at(2, 17, 0))
            for _ in 0..<size {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let wait = size % 2 == 0 ? Int(state >> 58) : Int(state >> 40) % 5_000
                waits.append(wait)
                accumulator.add(
                    ReportTicket(
                        field: "dat-dai", issuedAt: Self.at(2, 8, 0), calledAt: Self.at(2, 8, 0).addingTimeInterval(Double(wait)),
                        state: .noShow))
            }
            let sorted = waits.sorted()
            let total = accumulator.finish().total
            #expect(total.waitP50Seconds == sorted[(50 * size + 99) / 100 - 1])
            #expect(total.waitP90Seconds == sorted[(90 * size + 99) / 100 - 1])
            #expect(total.waitMaxSeconds == sorted.last)
        }
    }

    /// A year of a busy centre: a million tickets through the accumulator, under 0.5 s in release
    /// (`swift test -c release --filter aMillionTickets`; measured 0.26–0.34 s). Debug builds run 100,000 tickets
    /// and only check the counts.
    @Test func aMillionTickets() throws {
        let fields = ["dat-dai", "ho-tich", "chung-thuc", "kinh-doanh", "an-sinh", "xay-dung"]
        let start = Self.at(2, 7, 30)
        #if DEBUG
            let count = 100_000
        #else
            let count = 1_000_000
        #endif
        var tickets: [ReportTicket] = []
        tickets.reserveCapacity(count)
        for index in 0..<count {
            let issued = start.addingTimeInterval(Double(index % 30_000))
            let called = issued.addingTimeInterval(Double(index % 1_777))
            tickets.append(
                ReportTicket(
                    serviceDay: DayKey(year: 2026, month: 3, day: 2), field: fields[index % 6], counter: index % 12 + 1,
                    staff: "nv\(index % 12)", issuedAt: issued, calledAt: called, servingAt: called,
                    endedAt: called.addingTimeInterval(300), state: .done))
        }
        let clock = ContinuousClock()
        var accumulator = ReportAccumulator(period: try ReportPeriod(parsing: "year:2026"), asOf: start)
        let elapsed = clock.measure {
            for ticket in tickets { accumulator.add(ticket) }
        }
        let finishing = clock.measure { _ = accumulator.finish() }
        let breakdown = accumulator.finish()
        print("ReportAccumulator: \(count) tickets added in \(elapsed), finished in \(finishing)")
        #expect(breakdown.total.issued == count)
        #expect(breakdown.total.waitMaxSeconds == 1_776)
        #expect(breakdown.byField.count == 6)
        #expect(breakdown.byCounter.count == 12)
        #if !DEBUG
            #expect(elapsed + finishing < .milliseconds(500))
        #endif
    }
}
