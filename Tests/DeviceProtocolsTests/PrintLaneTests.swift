import Testing

@testable import DeviceProtocols

/// The print lane yields to ticket issue in a rush: a queued job waits until issuing has been quiet for a moment,
/// never longer than its limit, and a lone job never waits.
@Suite("Print lane")
struct PrintLaneTests {
    static func lane(yields: Bool = true, longestYield: Duration = .seconds(10)) -> PrintLane {
        PrintLane(niceness: 0, yieldsToIssuing: yields, quietPeriod: .milliseconds(50), longestYield: longestYield)
    }

    @Test func aQueuedJobWaitsUntilIssuingHasBeenQuiet() async throws {
        let lane = Self.lane()
        let clock = ContinuousClock()
        let issuing = Task { try await lane.issuing { try await Task.sleep(for: .milliseconds(300)) } }
        try await Task.sleep(for: .milliseconds(20))
        let waited = await clock.measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: 3) }
        try await issuing.value
        // The 300 ms issue minus the 20 ms head start, then the 50 ms quiet period.
        #expect(waited >= .milliseconds(320), "\(waited)")
        #expect(waited < .seconds(2), "\(waited)")
    }

    @Test func aLoneJobOrALaneThatDoesNotYieldGoesAtOnce() async throws {
        for (lane, behind) in [(Self.lane(), 0), (Self.lane(yields: false), 5)] {
            let issuing = Task { try await lane.issuing { try await Task.sleep(for: .milliseconds(500)) } }
            try await Task.sleep(for: .milliseconds(20))
            let waited = await ContinuousClock().measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: behind) }
            #expect(waited < .milliseconds(200), "\(waited)")
            try await issuing.value
        }
    }

    @Test func aJobYieldsNoLongerThanItsLimit() async throws {
        let lane = Self.lane(longestYield: .milliseconds(200))
        let issuing = Task { try await lane.issuing { try await Task.sleep(for: .seconds(2)) } }
        try await Task.sleep(for: .milliseconds(20))
        let waited = await ContinuousClock().measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: 10) }
        #expect(waited >= .milliseconds(200) && waited < .milliseconds(1500), "\(waited)")
        issuing.cancel()
    }
}
