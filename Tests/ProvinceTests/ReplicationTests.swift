import Foundation
import Hall
import KioskTesting
import Logging
import PostgresNIO
import Province
import QueueCore
import QueueStore
import Testing

/// Two centres and one real PostgreSQL (a throw-away cluster): the province's figures are the sums of the
/// centres' own reports, an outage only delays them, and a batch sent twice changes nothing.
@Suite("Province replication to PostgreSQL", .serialized)
struct ReplicationTests {
    static let logger = Logger(label: "province-test")

    /// Runs `body` with a fresh cluster and a connected province database; stops the cluster after.
    static func withProvince(_ body: @Sendable (PostgresCluster, ProvinceDatabase) async throws -> Void) async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let province = try ProvinceDatabase.direct(url: cluster.url, logger: logger)
        do {
            try await province.migrate()
            try await body(cluster, province)
        } catch {
            await province.close()
            throw error
        }
        await province.close()
    }

    static func centreReport(_ hall: TestHall, period: String, asOf: Date) async throws -> ReportFigures {
        let catalog = try await hall.database.catalog()
        return try await hall.database.report(
            period: try ReportPeriod(parsing: period), targets: ReportTargets(catalog: catalog), asOf: asOf
        ).figures.total
    }

    @Test func provinceFiguresAreTheSumsOfTheCentresOwnReports() async throws {
        try await Self.withProvince { _, province in
            let north = try await TestHall(start: "2026-03-02 08:00")
            let south = try await TestHall(start: "2026-03-02 08:00")
            try await CentreHistory.make(north, walkIns: 5)
            try await CentreHistory.make(south, walkIns: 3)
            for (hall, code) in [(north, "XA-BAC"), (south, "XA-NAM")] {
                let replicator = CentreReplicator(
                    database: hall.database, province: province, centre: code, clock: hall.clock, alerts: nil, logger: Self.logger,
                    batchSize: 7)
                try await replicator.cycle()
                #expect(replicator.status.backlog == 0)
            }
            let asOf = ManualClock.vietnamDate("2026-03-20 08:00")
            let figures = try await province.figures(period: try ReportPeriod(parsing: "month:2026-03"), asOf: asOf)
            #expect(figures.map(\.code) == ["XA-BAC", "XA-NAM"])
            let centre = try await [north, south].asyncMap { try await Self.centreReport($0, period: "month:2026-03", asOf: asOf) }
            for (province, own) in zip(figures, centre) {
                #expect(province.issued == own.issued && province.served == own.served && province.noShows == own.noShows)
                #expect(province.ratings == own.ratings && province.satisfied == own.satisfied)
                #expect(province.promisesDue == own.promisesDue && province.promisesOnTime == own.promisesOnTime)
                #expect(province.sameDayCounted == own.sameDayPromises && province.sameDayResolved == own.sameDayResolved)
            }
            let total = figures.reduce(CentreFigures(code: "province"), +)
            // Each centre issues its walk-ins + 3 (civil status, a no-show, one left waiting); levels cycle 1…4.
            #expect(total.issued == (5 + 3) + (3 + 3) && total.ratings == 8 && total.satisfied == 3 + 2)
        }
    }

    @Test func anOutageOnlyDelaysTheFiguresAndNothingIsDoubled() async throws {
        try await Self.withProvince { cluster, province in
            let hall = try await TestHall(start: "2026-03-02 08:00")
            try await CentreHistory.make(hall, walkIns: 2)
            let replicator = CentreReplicator(
                database: hall.database, province: province, centre: "XA-BAC", clock: hall.clock, alerts: nil, logger: Self.logger)
            try await replicator.cycle()
            try cluster.pause()
            // The hall goes on while the province is down; replication fails and counts it.
            for _ in 0..<4 { _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now()) }
            await #expect(throws: (any Error).self) { try await replicator.cycle() }
            try cluster.start()
            // The pool reconnects on its own; a few tries may meet the old connections first.
            var caughtUp = false
            for _ in 0..<20 where !caughtUp {
                do {
                    try await replicator.cycle()
                    caughtUp = true
                } catch {
                    try await Task.sleep(for: .milliseconds(250))
                }
            }
            #expect(caughtUp && replicator.status.backlog == 0)
            // The same batch applied again (a crash between commit and the next read) changes nothing.
            try await province.apply(try await hall.database.ticketFeed(after: 0, limit: 1000), centre: "XA-BAC")
            let figures = try await province.figures(
                period: try ReportPeriod(parsing: "month:2026-03"), asOf: ManualClock.vietnamDate("2026-03-20 08:00"))
            #expect(figures.first?.issued == (2 + 3) + 4)
            #expect(try await province.cursors(centre: "XA-BAC").events == (try await hall.database.replicationHeads().events))
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
