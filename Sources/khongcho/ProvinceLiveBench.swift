import Foundation
import Hall
import Logging
import NIOConcurrencyHelpers
import Province
import QueueCore
import QueueStore
import ServiceLifecycle

/// The live figure of `make bench-province`: every centre runs as in `serve --province` — its own store (in memory)
/// and its own replicator (one connection, a pass a second) — while each issues a ticket every 1.5–3.5 s and its
/// counter 1 serves them. A poller reads each centre's newest ticket in PostgreSQL every 250 ms; a ticket's lag is
/// issue → first seen there.
struct ProvinceLiveBench {
    let url: String
    let codes: [String]
    let catalog: Catalog
    let seconds: Int
    let logger: Logger

    func run() async throws -> String {
        let halls = try codes.map { _ in
            let database = try AppDatabase.inMemory()
            _ = try database.seedCatalogIfEmpty(catalog)
            return database
        }
        let links = try codes.map { _ in try ProvinceDatabase.direct(url: url, logger: logger) }
        let replicators = zip(zip(codes, halls), links).map { centre, link in
            CentreReplicator(database: centre.1, province: link, centre: centre.0, clock: SystemWallClock(), alerts: nil, logger: logger)
        }
        let issued = NIOLockedValueBox([String: [(id: Int64, at: ContinuousClock.Instant)]]())
        let lags = NIOLockedValueBox([Double]())
        let events = NIOLockedValueBox(0)
        let poller = try ProvinceDatabase.direct(url: url, logger: logger)
        let today = VietnamTime.serviceDay(of: Date())
        let end = ContinuousClock.now + .seconds(seconds)
        // The replicators run as in `serve`: services of one group, stopped by a graceful shutdown.
        let services = ServiceGroup(
            configuration: .init(services: replicators.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: logger))
        async let replicating: Void = services.run()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, (code, database)) in zip(codes, halls).enumerated() {
                group.addTask {
                    var random = SplitMix64(seed: UInt64(index + 11))
                    let officer = StaffActor(username: "cb1", counter: 1)
                    var serving: Int64?
                    while ContinuousClock.now < end {
                        try await Task.sleep(for: .milliseconds(1500 + Int(random.next() % 2000)))
                        guard ContinuousClock.now < end else { break }
                        let field = catalog.fields[Int(random.next() % UInt64(catalog.fields.count))].code
                        let ticket = try await database.issueTicket(field: field, priority: .none, source: nil, at: Date()).ticket
                        issued.withLockedValue { $0[code, default: []].append((ticket.id, ContinuousClock.now)) }
                        var count = 1
                        if let current = serving {
                            _ = try await database.apply(.done(.received), ticket: current, by: officer, at: Date())
                            serving = nil
                            count += 1
                        }
                        if let called = try await database.callNext(counter: 1, by: officer, at: Date()) {
                            _ = try await database.apply(.serve, ticket: called.ticket.id, by: officer, at: Date())
                            serving = called.ticket.id
                            count += 2
                        }
                        events.withLockedValue { $0 += count }
                    }
                }
            }
            group.addTask {
                // Poll until the load has ended and every ticket was seen (or 30 s more have passed).
                let deadline = end + .seconds(30)
                while ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(250))
                    let newest = try await poller.newestTickets(day: today)
                    let now = ContinuousClock.now
                    let pending = issued.withLockedValue { issued in
                        var seen: [Double] = []
                        for (code, tickets) in issued {
                            let top = newest[code] ?? 0
                            seen += tickets.filter { $0.id <= top }.map { ProvinceBenchCommand.secondsValue(now - $0.at) }
                            issued[code] = tickets.filter { $0.id > top }
                        }
                        lags.withLockedValue { $0 += seen }
                        return issued.values.map(\.count).reduce(0, +)
                    }
                    if now > end && pending == 0 { break }
                }
            }
            try await group.waitForAll()
        }
        await services.triggerGracefulShutdown()
        try await replicating
        for link in links { await link.close() }
        await poller.close()
        let sorted = lags.withLockedValue { $0 }.sorted()
        let unseen = issued.withLockedValue { $0.values.map(\.count).reduce(0, +) }
        func quantile(_ q: Double) -> String {
            sorted.isEmpty ? "—" : "\(ReportNumber.decimal(sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))], places: 2)) s"
        }
        let total = events.withLockedValue { $0 }
        return "live: \(codes.count) centres for \(seconds) s, \(sorted.count + unseen) tickets issued (\(total) events, "
            + "\(ReportNumber.decimal(Double(total) / Double(seconds))) events/s); replication lag issue → PostgreSQL p50 \(quantile(0.5)), "
            + "p99 \(quantile(0.99)) (target ≤ 5 s), max \(quantile(1)); never seen: \(unseen)"
    }
}
