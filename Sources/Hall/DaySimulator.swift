public import QueueStore
public import Foundation
public import QueueCore
import GRDB

/// Runs one day through the real engine — an in-memory store, its issue, call-next, serve and done operations —
/// on a virtual clock, so a centre can see the waits a day would give before living it (a no-wait Friday, a
/// counter fewer, a busier month).
///
/// Each counter has a member of staff who calls next the moment the counter is free and serves at once (no walk
/// time, no recalls, no breaks: counters work until the queue is empty, lunch included), so the figures are the
/// queue's, not the staff's. At equal instants a counter finishing comes before a citizen arriving, and free
/// counters call in ascending number. Nothing is random here: randomness is all in the arrivals given.
public struct DaySimulator: Sendable {
    public var catalog: Catalog
    /// Counters per field code; when empty the catalog's own counters are used (shared counters included).
    public var countersPerField: [String: Int]

    public init(catalog: Catalog, countersPerField: [String: Int] = [:]) {
        self.catalog = catalog
        self.countersPerField = countersPerField
    }

    /// The counters the simulation uses: the catalog's, or with `countersPerField` dedicated counters per field
    /// numbered from 1 in catalog order (a field not listed keeps as many as catalog counters serving it).
    public var counters: [Counter] {
        guard !countersPerField.isEmpty else { return catalog.counters }
        var counters: [Counter] = []
        for field in catalog.fields {
            let count = countersPerField[field.code] ?? catalog.counters.filter { $0.fields.contains(field.code) }.count
            for _ in 0..<max(0, count) {
                let number = counters.count + 1
                counters.append(Counter(number: number, name: "Quầy \(number)", fields: [field.code]))
            }
        }
        return counters
    }

    public func run(day: DayKey, arrivals unsorted: [SimulatedArrival]) async throws -> DaySimulationResult {
        var simulated = catalog
        simulated.counters = counters
        let database = try AppDatabase.inMemory()
        try database.seedCatalogIfEmpty(simulated)
        let arrivals = SimulatedArrival.stableSorted(unsorted)
        let clock = VirtualClock(arrivals.first?.at ?? day.date(atMinute: 0))
        var desks = simulated.counters.map { Desk(number: $0.number) }
        var serviceSeconds: [Int64: Double] = [:]
        var estimates: [Int64: Int] = [:]
        var next = 0
        while true {
            let arrival = next < arrivals.count ? arrivals[next] : nil
            let finishing = desks.indices.compactMap { index in desks[index].busyUntil.map { (index, $0) } }
                .min { $0.1 < $1.1 }
            if let (desk, until) = finishing, arrival.map({ until <= $0.at }) ?? true {
                clock.advance(to: until)
                if let ticket = desks[desk].ticket {
                    _ = try await database.apply(.done(.returned), ticket: ticket, by: desks[desk].actor, at: clock.now())
                }
                desks[desk].busyUntil = nil
                desks[desk].ticket = nil
                try await callNext(&desks[desk], database, clock, serviceSeconds)
            } else if let arrival {
                clock.advance(to: arrival.at)
                let issued = try await database.issueTicket(field: arrival.field, priority: .none, source: "mo-phong", at: clock.now())
                serviceSeconds[issued.ticket.id] = arrival.serviceSeconds
                estimates[issued.ticket.id] = issued.estimatedWaitMinutes
                next += 1
                for index in desks.indices where desks[index].busyUntil == nil {
                    try await callNext(&desks[index], database, clock, serviceSeconds)
                }
            } else {
                break
            }
        }
        return try await result(
            database, day: day, arrivals: arrivals.count, counters: simulated.counters, estimates: estimates,
            asOf: clock.now())
    }

    private func callNext(_ desk: inout Desk, _ database: AppDatabase, _ clock: VirtualClock, _ service: [Int64: Double])
        async throws
    {
        guard let called = try await database.callNext(counter: desk.number, by: desk.actor, at: clock.now()) else { return }
        _ = try await database.apply(.serve, ticket: called.ticket.id, by: desk.actor, at: clock.now())
        desk.ticket = called.ticket.id
        desk.busyUntil = clock.now().addingTimeInterval(max(0, service[called.ticket.id] ?? 0))
    }

    private func result(
        _ database: AppDatabase, day: DayKey, arrivals: Int, counters: [Counter], estimates: [Int64: Int], asOf: Date
    ) async throws -> DaySimulationResult {
        let tickets = try await database.writer.read { db in try Ticket.fetchAll(db, sql: "SELECT * FROM ticket ORDER BY id") }
        let period = try ReportPeriod(parsing: "day:\(day.iso)")
        var accumulator = ReportAccumulator(period: period, targets: ReportTargets(catalog: catalog), asOf: asOf)
        for ticket in tickets {
            accumulator.add(ReportTicket(
                field: ticket.field, counter: ticket.counter, staff: ticket.staff, issuedAt: ticket.issuedAt,
                calledAt: ticket.calledAt, servingAt: ticket.servingAt, endedAt: ticket.endedAt, state: ticket.state,
                transferred: ticket.field != ticket.issuedField))
        }
        let samples = tickets.compactMap { ticket -> (field: String, estimate: Double, actual: Double)? in
            guard let called = ticket.calledAt, let minutes = estimates[ticket.id] else { return nil }
            return (ticket.issuedField, Double(minutes * 60), called.timeIntervalSince(ticket.issuedAt))
        }
        return DaySimulationResult(
            day: day.iso, arrivals: arrivals, unserved: tickets.count { $0.state == .waiting }, counters: counters,
            figures: accumulator.finish(),
            estimates: EstimateAccuracy.measure(samples, fieldOrder: catalog.fields.map(\.code)))
    }

    private struct Desk {
        var number: Int
        var busyUntil: Date?
        var ticket: Int64?
        var actor: StaffActor { StaffActor(username: "mo-phong-quay-\(number)", counter: number) }
    }
}
