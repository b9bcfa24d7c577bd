import Testing

@testable import DeviceProtocols

/// The print lane yields to ticket issue in a rush: a queued job waits until issuing has been quiet for a moment,
/// never longer than its limit, and a lone job never waits.
///
/// Each bound is set far from the behaviour it tells apart (a wait that ends with the issue, against one that runs
/// to a limit many seconds away), so a loaded run under the thread sanitizer cannot fail it: a 2 s bound did.
@Suite("Print lane")
struct PrintLaneTests {
    static func lane(yields: Bool = true, longestYield: Duration = .seconds(60)) -> PrintLane {
        PrintLane(niceness: 0, yieldsToIssuing: yields, quietPeriod: .milliseconds(50), longestYield: longestYield)
    }

    @Test func aQueuedJobWaitsUntilIssuingHasBeenQuiet() async throws {
        let lane = Self.lane()
        let clock = ContinuousClock()
        let issuing = Task { try await lane.issuing { try await Task.sleep(for: .milliseconds(300)) } }
        try await Task.sleep(for: .milliseconds(20))
        let waited = await clock.measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: 3) }
        try await issuing.value
        // The 300 ms issue minus the 20 ms head start, then the 50 ms quiet period; the limit is 60 s away.
        #expect(waited >= .milliseconds(320), "\(waited)")
        #expect(waited < .seconds(30), "\(waited)")
    }

    @Test func aLoneJobOrALaneThatDoesNotYieldGoesAtOnce() async throws {
        for (lane, behind) in [(Self.lane(), 0), (Self.lane(yields: false), 5)] {
            let issuing = Task { try await lane.issuing { try await Task.sleep(for: .seconds(60)) } }
            try await Task.sleep(for: .milliseconds(20))
            let waited = await ContinuousClock().measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: behind) }
            issuing.cancel()
            _ = await issuing.result
            // A job that yielded would wait out the 60 s issue.
            #expect(waited < .seconds(30), "\(waited)")
        }
    }

    @Test func aJobYieldsNoLongerThanItsLimit() async throws {
        let lane = Self.lane(longestYield: .milliseconds(200))
        let issuing = Task { try await lane.issuing { try await Task.sleep(for: .seconds(60)) } }
        try await Task.sleep(for: .milliseconds(20))
        let waited = await ContinuousClock().measure { await lane.awaitQuiet(queuedAt: .now, queuedBehind: 10) }
        issuing.cancel()
        _ = await issuing.result
        // The issue would hold it 60 s; the limit lets it go after 200 ms.
        #expect(waited >= .milliseconds(200) && waited < .seconds(30), "\(waited)")
    }
}
