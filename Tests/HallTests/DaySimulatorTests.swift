import Foundation
import Hall
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Day simulator")
struct DaySimulatorTests {
    static let day = DayKey(year: 2026, month: 3, day: 6)!

    static func synthesize(landPerHour: Double, seed: UInt64) -> [SimulatedArrival] {
        let sessions = CatalogBuilder.small().sessions
        return SimulatedArrival.synthesize(
            day: day,
            rates: ArrivalRate.sessions(field: "dat-dai", perHour: landPerHour, sessions: sessions)
                + ArrivalRate.sessions(field: "ho-tich", perHour: 6, sessions: sessions),
            meanServiceMinutes: ["dat-dai": 8, "ho-tich": 5], seed: seed)
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs of the reference C implementation seeded with 1234567.
        var random = SplitMix64(seed: 1_234_567)
        #expect((0..<3).map { _ in random.next() } == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func replaysAGivenDayThroughTheEngineExactly() async throws {
        // One land counter (dedicated), three citizens: 08:00 (10 min), 08:02 (5 min), 08:30 (1 min).
        let arrivals = try SimulatedArrival.replay(
            csv: """
                issuedAt,field,serviceSeconds
                08:00,dat-dai,600
                08:02:00,dat-dai,300
                # a comment
                2026-03-06T08:30:00+07:00,dat-dai,60
                """, day: Self.day)
        let simulator = DaySimulator(catalog: CatalogBuilder.small(), countersPerField: ["dat-dai": 1, "ho-tich": 0])
        let result = try await simulator.run(day: Self.day, arrivals: arrivals)
        #expect(result.arrivals == 3)
        #expect(result.unserved == 0)
        #expect(result.counters == [Counter(number: 1, name: "Quầy 1", fields: ["dat-dai"])])
        let land = try #require(result.figures.byField.first)
        #expect(land.key == "dat-dai")
        // Waits: 0 (called on arrival), 8 min (08:02 → 08:10), 0 (08:30, counter free since 08:15).
        #expect(land.issued == 3)
        #expect(land.served == 3)
        #expect(land.waitMeanSeconds == 160)
        #expect(land.waitP90Seconds == 480)
        #expect(land.waitMaxSeconds == 480)
        #expect(land.withinTarget == 3)
        #expect(land.serviceMeanSeconds == 320)
        #expect(result.figures.byHour.map(\.key) == ["08"])
        // The 08:02 citizen, behind a counter busy until 08:10, is told half a default service (3 min = 180 s)
        // and waits 8 min; the others are told 0 and wait 0 (errors 0, −300 s, 0).
        #expect(
            result.estimates == [
                EstimateAccuracy(
                    field: "dat-dai", tickets: 3, meanEstimateSeconds: 60, meanWaitSeconds: 160, meanErrorSeconds: -100,
                    meanAbsoluteErrorSeconds: 100, withinFiveMinutes: 1)
            ])
    }

    @Test func refusesABadReplayLine() {
        #expect(
            throws: QueueError.invalid(
                "Dòng 2 của tệp phát lại không hợp lệ: “8h,dat-dai,60” (cần giờ-cấp,lĩnh-vực,số-giây-phục-vụ).",
                "Replay line 2 is invalid: '8h,dat-dai,60' (expected issuedAt,field,serviceSeconds).")
        ) {
            try SimulatedArrival.replay(csv: "08:00,dat-dai,60\n8h,dat-dai,60\n", day: Self.day)
        }
    }

    @Test func sameSeedSameDayAndHeavierLoadWaitsLonger() async throws {
        let simulator = DaySimulator(catalog: CatalogBuilder.small())
        let first = try await simulator.run(day: Self.day, arrivals: Self.synthesize(landPerHour: 10, seed: 7))
        let again = try await simulator.run(day: Self.day, arrivals: Self.synthesize(landPerHour: 10, seed: 7))
        #expect(first == again)
        #expect(first.arrivals > 40)
        let other = try await simulator.run(day: Self.day, arrivals: Self.synthesize(landPerHour: 10, seed: 8))
        #expect(other.figures.total != first.figures.total)
        let heavier = try await simulator.run(day: Self.day, arrivals: Self.synthesize(landPerHour: 16, seed: 7))
        let lightLand = try #require(first.figures.byField.first?.waitMeanSeconds)
        let heavyLand = try #require(heavier.figures.byField.first?.waitMeanSeconds)
        #expect(heavyLand > lightLand)
        #expect(heavier.figures.byField[0].issued > first.figures.byField[0].issued)
    }

    /// One dedicated counter, λ = 60/h, mean service 30 s (ρ = 0.5). Each simulated day must agree with the
    /// Lindley recursion w(n+1) = max(0, w(n) + s(n) − gap) on the same arrivals (to rounding), and four seeded
    /// days of 22 hours (5,241 citizens) must average within 20 % (about 2.7 standard errors) of M/M/1's
    /// Wq = ρ/(μ − λ) = 30 s; these seeds give 25.95 s.
    @Test func singleCounterMatchesLindleyAndMM1() async throws {
        let simulator = DaySimulator(catalog: CatalogBuilder.small(), countersPerField: ["dat-dai": 1, "ho-tich": 0])
        var waitSum = 0.0
        var waited = 0
        for seed in UInt64(1)...4 {
            let arrivals = SimulatedArrival.synthesize(
                day: Self.day, rates: [ArrivalRate(field: "dat-dai", startMinute: 0, endMinute: 22 * 60, perHour: 60)],
                meanServiceMinutes: ["dat-dai": 0.5], seed: seed)
            let result = try await simulator.run(day: Self.day, arrivals: arrivals)
            #expect(result.unserved == 0)
            let land = result.figures.byField[0]
            var free = Date.distantPast
            var lindley = 0.0
            for arrival in arrivals {
                let start = max(arrival.at, free)
                lindley += start.timeIntervalSince(arrival.at).rounded()
                free = start.addingTimeInterval(arrival.serviceSeconds)
            }
            #expect(land.waited == arrivals.count)
            #expect(abs((land.waitMeanSeconds ?? 0) - lindley / Double(arrivals.count)) < 0.01)
            waitSum += (land.waitMeanSeconds ?? 0) * Double(land.waited)
            waited += land.waited
        }
        let mean = waitSum / Double(waited)
        let theory = ErlangC(arrivalsPerHour: 60, meanServiceSeconds: 30, servers: 1).meanWaitSeconds
        #expect(abs(theory - 30) < 1e-9)
        #expect(waited == 5_241)
        #expect(abs(mean - theory) / theory < 0.2, "simulated \(mean) s over \(waited) citizens")
    }
}
