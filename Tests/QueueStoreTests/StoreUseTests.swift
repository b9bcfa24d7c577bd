import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Real or training store")
struct StoreUseTests {
    static let now = ManualClock.vietnamDate("2026-03-02 08:00")

    @Test func aStoreFirstServedForTrainingStaysTraining() async throws {
        let hall = try await TestHall()
        try await hall.database.claimUse(training: true, at: Self.now)
        #expect(try await hall.database.isTrainingStore())
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: Self.now)
        try await hall.database.claimUse(training: true, at: Self.now)
        await #expect(throws: StoreUseMismatch(code: .trainingStore)) {
            try await hall.database.claimUse(training: false, at: Self.now)
        }
    }

    @Test func aRealStoreRefusesTheTrainingClock() async throws {
        let hall = try await TestHall()
        try await hall.database.claimUse(training: false, at: Self.now)
        #expect(try await !hall.database.isTrainingStore())
        await #expect(throws: StoreUseMismatch(code: .realStore)) {
            try await hall.database.claimUse(training: true, at: Self.now)
        }
    }

    /// A store from before the rule that already holds tickets holds real ones.
    @Test func ticketsFromBeforeTheRuleAreReal() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: Self.now)
        await #expect(throws: StoreUseMismatch(code: .realStore)) {
            try await hall.database.claimUse(training: true, at: Self.now)
        }
        #expect(try await !hall.database.isTrainingStore())
        try await hall.database.claimUse(training: false, at: Self.now)
    }

    @Test func aTrainingStoresReportsSaySo() async throws {
        let hall = try await TestHall()
        try await hall.database.claimUse(training: true, at: Self.now)
        let report = try await ReportQueryTests.report(hall, "day:2026-03-02")
        #expect(report.centreName.hasPrefix("ĐÀO TẠO / TRAINING — "))
    }
}
