import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// The report query over a small fixed history made through the real store APIs, every figure checked against
/// numbers computed by hand from the timeline below (the comments give the arithmetic).
///
/// Catalog: `CatalogBuilder.small()` — dat-dai (A, target 15 min = 900 s) served by counters 1 and 2, ho-tich
/// (B, 900 s) by counter 2. Quarter 1 of 2026 runs 15/12/2025 – 14/03/2026, so 14/03 is its last day.
///
/// Mon 2026-03-02 (all times Vietnam):
///   A001 08:00 issued · 08:10 called c1 (wait 600) · 08:11 serving · 08:15 dossier 1.004227 promised 16/03 17:00
///        (never returned) · 08:21 done (service 600) · 08:22 rating 1 at c1
///   B001 08:30 issued · 08:50 called c2 (wait 1200 > 900) · 08:51 serving · 08:52 same-day dossier 1.001193
///        promised 17:00 · 08:56 done (service 300) · 08:57 rating 3 at c2 · 10:00 dossier returned (on time)
///   A002 09:00 issued · 09:05 called c1 (wait 300) · 09:06 no-show
///   B002 09:10 issued · 09:12 called c2 (first call: wait 120) · 09:13 transferred to dat-dai · 09:20 called c1
///        · 09:21 serving · 09:31 done (service 600)
///   A003 14:00 issued, never called
/// Sat 2026-03-14: A001 08:00 issued · 08:30 called c1 (wait 1800) · 08:31 serving · 08:35 dossier 1.004227 with a
///        promise of 11:00 · 08:41 done (service 600) · 08:42 rating 2 at c1 · 11:30 dossier returned (late)
/// Sun 2026-03-15 (quarter 2): B001 08:00 issued · 08:05 called c2 (wait 300) · 08:06 serving · 08:15 done
///        (service 540) · 08:16 rating 4 at c2
/// Every estimate printed was 0 minutes (nobody ahead, a free counter each time).
@Suite("Report query")
struct ReportQueryTests {
    static let asOf = ManualClock.vietnamDate("2026-03-20 08:00")

    static func history() async throws -> TestHall {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        let db = hall.database
        let catalog = try await db.catalog()
        let land = try #require(catalog.procedures.first { $0.code == "1.004227" })
        let birth = try #require(catalog.procedures.first { $0.code == "1.001193" })
        func at(_ text: String) -> Date {
            hall.clock.set(ManualClock.vietnamDate(text))
            return hall.clock.now()
        }
        func promise(_ text: String, _ rule: PromiseRule) -> Promise {
            Promise(promisedAt: ManualClock.vietnamDate(text), rule: rule, explanation: "", explanationEn: "")
        }
        let a1 = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("2026-03-02 08:00"))
        #expect(try await db.callNext(counter: 1, by: hall.staff(1), at: at("2026-03-02 08:10"))?.ticket.id == a1.ticket.id)
        _ = try await db.apply(.serve, ticket: a1.ticket.id, by: hall.staff(1), at: at("2026-03-02 08:11"))
        _ = try await db.recordDossier(
            ticket: a1.ticket.id, procedure: land, complete: true,
            promise: promise("2026-03-16 17:00", .workingDays(10)), by: hall.staff(1), at: at("2026-03-02 08:15"))
        _ = try await db.apply(.done(.received), ticket: a1.ticket.id, by: hall.staff(1), at: at("2026-03-02 08:21"))
        _ = try await db.recordRating(level: 1, counter: 1, source: .keypad, at: at("2026-03-02 08:22"))

        let b1 = try await db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: at("2026-03-02 08:30"))
        #expect(try await db.callNext(counter: 2, by: hall.staff(2), at: at("2026-03-02 08:50"))?.ticket.id == b1.ticket.id)
        _ = try await db.apply(.serve, ticket: b1.ticket.id, by: hall.staff(2), at: at("2026-03-02 08:51"))
        let sameDay = try await db.recordDossier(
            ticket: b1.ticket.id, procedure: birth, complete: true,
            promise: promise("2026-03-02 17:00", .sameDay), by: hall.staff(2), at: at("2026-03-02 08:52"))
        _ = try await db.apply(.done(.returned), ticket: b1.ticket.id, by: hall.staff(2), at: at("2026-03-02 08:56"))
        _ = try await db.recordRating(level: 3, counter: 2, source: .keypad, at: at("2026-03-02 08:57"))

        let a2 = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("2026-03-02 09:00"))
        #expect(try await db.callNext(counter: 1, by: hall.staff(1), at: at("2026-03-02 09:05"))?.ticket.id == a2.ticket.id)
        _ = try await db.apply(.noShow, ticket: a2.ticket.id, by: hall.staff(1), at: at("2026-03-02 09:06"))

        let b2 = try await db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: at("2026-03-02 09:10"))
        #expect(try await db.callNext(counter: 2, by: hall.staff(2), at: at("2026-03-02 09:12"))?.ticket.id == b2.ticket.id)
        _ = try await db.apply(.transfer(toField: "dat-dai"), ticket: b2.ticket.id, by: hall.staff(2), at: at("2026-03-02 09:13"))
        #expect(try await db.callNext(counter: 1, by: hall.staff(1), at: at("2026-03-02 09:20"))?.ticket.id == b2.ticket.id)
        _ = try await db.apply(.serve, ticket: b2.ticket.id, by: hall.staff(1), at: at("2026-03-02 09:21"))
        _ = try await db.apply(.done(.returned), ticket: b2.ticket.id, by: hall.staff(1), at: at("2026-03-02 09:31"))
        _ = try await db.returnDossier(id: sameDay.dossier.id, by: hall.staff(2), at: at("2026-03-02 10:00"))

        _ = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("2026-03-02 14:00"))

        let last = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at("2026-03-14 08:00"))
        #expect(try await db.callNext(counter: 1, by: hall.staff(1), at: at("2026-03-14 08:30"))?.ticket.id == last.ticket.id)
        _ = try await db.apply(.serve, ticket: last.ticket.id, by: hall.staff(1), at: at("2026-03-14 08:31"))
        let late = try await db.recordDossier(
            ticket: last.ticket.id, procedure: land, complete: true,
            promise: promise("2026-03-14 11:00", .workingDays(10)), by: hall.staff(1), at: at("2026-03-14 08:35"))
        _ = try await db.apply(.done(.received), ticket: last.ticket.id, by: hall.staff(1), at: at("2026-03-14 08:41"))
        _ = try await db.recordRating(level: 2, counter: 1, source: .keypad, at: at("2026-03-14 08:42"))
        _ = try await db.returnDossier(id: late.dossier.id, by: hall.staff(1), at: at("2026-03-14 11:30"))

        let next = try await db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: at("2026-03-15 08:00"))
        #expect(try await db.callNext(counter: 2, by: hall.staff(2), at: at("2026-03-15 08:05"))?.ticket.id == next.ticket.id)
        _ = try await db.apply(.serve, ticket: next.ticket.id, by: hall.staff(2), at: at("2026-03-15 08:06"))
        _ = try await db.apply(.done(.returned), ticket: next.ticket.id, by: hall.staff(2), at: at("2026-03-15 08:15"))
        _ = try await db.recordRating(level: 4, counter: 2, source: .keypad, at: at("2026-03-15 08:16"))
        return hall
    }

    static func report(_ hall: TestHall, _ period: String) async throws -> PeriodReport {
        let catalog = try await hall.database.catalog()
        return try await hall.database.report(
            period: try ReportPeriod(parsing: period), targets: ReportTargets(catalog: catalog), asOf: asOf)
    }

    @Test func quarterTotalsMatchTheHandComputation() async throws {
        let report = try await Self.report(try await Self.history(), "quarter:2026-Q1")
        #expect(report.period.first.iso == "2025-12-15")
        #expect(report.period.last.iso == "2026-03-14")
        #expect(report.centreName == "Trung tâm thử nghiệm")
        #expect(report.fields.map(\.code) == ["dat-dai", "ho-tich"])
        let total = report.figures.total
        // Q1 holds the six tickets of 02/03 and 14/03; the 15/03 one is in Q2.
        #expect(total.issued == 6)
        #expect(total.served == 4)  // A001, B001, B002, A001(14/03)
        #expect(total.noShows == 1)  // A002
        #expect(total.transferred == 1)  // B002
        // Waits of called tickets: 600, 1200, 300, 120, 1800 → sum 4020, mean 804; sorted 120 300 600 1200 1800:
        // p50 = rank ⌈2.5⌉ = 3 → 600, p90 = rank ⌈4.5⌉ = 5 → 1800.
        #expect(total.waited == 5)
        #expect(total.waitMeanSeconds == 804)
        #expect(total.waitP50Seconds == 600)
        #expect(total.waitP90Seconds == 1800)
        #expect(total.waitMaxSeconds == 1800)
        // ≤ 900 s: 600, 300, 120 → 3 of 5.
        #expect(total.withinTarget == 3)
        #expect(total.withinTargetShare == 0.6)
        // Service: 600 + 300 + 600 + 600 = 2100 over 4 → 525.
        #expect(total.serviceTimed == 4)
        #expect(total.serviceMeanSeconds == 525)
        // Same-day: B001's birth registration returned the day it came in → 1 of 1.
        #expect(total.sameDayPromises == 1)
        #expect(total.sameDayResolved == 1)
        // Due in Q1: B001's (on time) and the 14/03 one (returned 11:30 for 11:00, late); A001's falls on 16/03 (Q2).
        #expect(total.promisesDue == 2)
        #expect(total.promisesOnTime == 1)
        #expect(total.promisesOnTimeRate == 0.5)
        #expect(total.promisesOnTimeMet == false)
        // Ratings 1, 3, 2 → satisfied 2 of 3, below 95 %.
        #expect(total.ratingLevels == [1, 1, 1, 0])
        #expect(total.satisfied == 2)
        #expect(total.satisfactionRate == 2.0 / 3.0)
        #expect(total.satisfactionMet == false)
    }

    @Test func fieldCounterStaffHourAndWeekdayRows() async throws {
        let report = try await Self.report(try await Self.history(), "quarter:2026-Q1")
        let figures = report.figures
        #expect(figures.byField.map(\.key) == ["dat-dai", "ho-tich"])
        let land = figures.byField[0]
        // dat-dai: A001, A002, B002 (ended there), A003, A001(14/03) = 5; waits 600, 300, 120, 1800 → mean 705,
        // p50 rank 2 → 300, p90 rank ⌈3.6⌉ = 4 → 1800, within 3 of 4; service 600 ×3; ratings 1 and 2 → 100 % ≥ 85 %.
        #expect(land.issued == 5)
        #expect(land.served == 3)
        #expect(land.noShows == 1)
        #expect(land.transferred == 1)
        #expect(land.waitMeanSeconds == 705)
        #expect(land.waitP50Seconds == 300)
        #expect(land.waitP90Seconds == 1800)
        #expect(land.withinTargetShare == 0.75)
        #expect(land.serviceMeanSeconds == 600)
        #expect(land.satisfactionRate == 1)
        #expect(land.satisfactionTarget == 0.85)
        #expect(land.satisfactionMet == true)
        #expect(land.promisesDue == 1)
        #expect(land.promisesOnTime == 0)
        // ho-tich: B001 alone: wait 1200 (not within), service 300, rating 3 → 0 % against 95 %.
        let civil = figures.byField[1]
        #expect(civil.issued == 1)
        #expect(civil.waitMeanSeconds == 1200)
        #expect(civil.withinTarget == 0)
        #expect(civil.serviceMeanSeconds == 300)
        #expect(civil.satisfactionRate == 0)
        #expect(civil.satisfactionTarget == 0.95)
        #expect(civil.sameDayRate == 1)
        // Counters: c1 had A001, A002, B002 (its last counter), A001(14/03); c2 had B001. A003 reached none.
        #expect(figures.byCounter.map(\.key) == ["1", "2"])
        #expect(figures.byCounter.map(\.issued) == [4, 1])
        #expect(figures.byCounter.map(\.ratings) == [2, 1])
        #expect(figures.byStaff.map(\.key) == ["quay1", "quay2"])
        #expect(figures.byStaff.map(\.issued) == [4, 1])
        // Issue hours: 08 → A001, B001, A001(14/03); 09 → A002, B002; 14 → A003. All three ratings at 08.
        #expect(figures.byHour.map(\.key) == ["08", "09", "14"])
        #expect(figures.byHour.map(\.issued) == [3, 2, 1])
        #expect(figures.byHour.map(\.ratings) == [3, 0, 0])
        // 02/03 was a Monday (1), 14/03 a Saturday (6).
        #expect(figures.byWeekday.map(\.key) == ["1", "6"])
        #expect(figures.byWeekday.map(\.issued) == [5, 1])
    }

    @Test func estimateAccuracyIsEstimateMinusActual() async throws {
        let report = try await Self.report(try await Self.history(), "quarter:2026-Q1")
        // Every estimate was 0, so each error is −wait: total over 600, 1200, 300, 120, 1800 → bias −804, MAE 804.
        #expect(report.estimateAccuracy.total == .init(key: "total", tickets: 5, meanAbsoluteErrorSeconds: 804, biasSeconds: -804))
        // dat-dai: 600, 300, 120, 1800 → 705; ho-tich: 1200.
        #expect(
            report.estimateAccuracy.byField == [
                .init(key: "dat-dai", tickets: 4, meanAbsoluteErrorSeconds: 705, biasSeconds: -705),
                .init(key: "ho-tich", tickets: 1, meanAbsoluteErrorSeconds: 1200, biasSeconds: -1200),
            ])
    }

    @Test func theFourteenthOfMarchIsQ1AndTheFifteenthQ2() async throws {
        let hall = try await Self.history()
        let q2 = try await Self.report(hall, "quarter:2026-Q2")
        #expect(q2.period.first.iso == "2026-03-15")
        // Only the 15/03 ticket: wait 300, service 540, rating 4.
        #expect(q2.figures.total.issued == 1)
        #expect(q2.figures.total.waitMeanSeconds == 300)
        #expect(q2.figures.total.serviceMeanSeconds == 540)
        #expect(q2.figures.total.ratingLevels == [0, 0, 0, 1])
        // A001's promise (received in Q1) falls due 16/03, before the report's 20/03, unreturned → due and late.
        #expect(q2.figures.total.promisesDue == 1)
        #expect(q2.figures.total.promisesOnTime == 0)
        #expect(q2.figures.byWeekday.map(\.key) == ["7"])
        let lastDay = try await Self.report(hall, "day:2026-03-14")
        #expect(lastDay.figures.total.issued == 1)
        let custom = try await Self.report(hall, "custom:2026-03-14..2026-03-15")
        #expect(custom.figures.total.issued == 2)
        let before = try await Self.report(hall, "quarter:2025-Q4")
        #expect(before.figures.total.issued == 0)
        #expect(before.figures.byField.map(\.issued) == [0, 0])
        #expect(before.figures.total.waitMeanSeconds == nil)
    }

    @Test func generatedBenchHistoryIsReadBack() async throws {
        let hall = try await TestHall()
        let asOf = ManualClock.vietnamDate("2026-12-15 08:00")
        let written = try await hall.database.generateReportHistory(tickets: 2_000, year: 2026, seed: 7, asOf: asOf)
        #expect(written.tickets == 2_000)
        let report = try await hall.database.report(
            period: try ReportPeriod(parsing: "year:2026"), targets: ReportTargets(catalog: try await hall.database.catalog()),
            asOf: asOf)
        #expect(report.figures.total.issued == 2_000)
        #expect(report.figures.total.ratings == written.ratings)
        #expect(report.figures.byField.map(\.issued).reduce(0, +) == 2_000)
        #expect(report.figures.byWeekday.allSatisfy { Int($0.key) ?? 9 <= 5 })
    }
}
