public import Foundation
public import QueueCore
import QueueStore

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
        let tickets = try await database.tickets(day: day)
        let period = try ReportPeriod(parsing: "day:\(day.iso)")
        var accumulator = ReportAccumulator(period: period, targets: ReportTargets(catalog: catalog), asOf: asOf)
        for ticket in tickets {
            accumulator.add(
                ReportTicket(
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

/// What a simulated day gave: the report figures of its tickets (by field and by issue hour are the ones the
/// simulator prints), the tickets still waiting when the day ended, and the counters it ran with.
public struct DaySimulationResult: Codable, Sendable, Equatable {
    public var day: String
    public var arrivals: Int
    /// Tickets never called: issued too late in the day to be called before midnight, or no counter for the field.
    public var unserved: Int
    public var counters: [Counter]
    public var figures: ReportBreakdown
    /// The engine's printed wait estimates against the waits that followed, per field.
    public var estimates: [EstimateAccuracy]

    public init(
        day: String, arrivals: Int, unserved: Int, counters: [Counter], figures: ReportBreakdown,
        estimates: [EstimateAccuracy]
    ) {
        self.day = day
        self.arrivals = arrivals
        self.unserved = unserved
        self.counters = counters
        self.figures = figures
        self.estimates = estimates
    }
}

/// One citizen of a simulated or replayed day: when they take a ticket, for which field, and how long the
/// counter will then take to serve them.
public struct SimulatedArrival: Sendable, Equatable {
    public var at: Date
    public var field: String
    public var serviceSeconds: Double

    public init(at: Date, field: String, serviceSeconds: Double) {
        self.at = at
        self.field = field
        self.serviceSeconds = serviceSeconds
    }
}

/// A constant Poisson arrival rate for one field over a window of the day (minutes after midnight, Vietnam time).
public struct ArrivalRate: Sendable, Equatable {
    public var field: String
    public var startMinute: Int
    public var endMinute: Int
    public var perHour: Double

    public init(field: String, startMinute: Int, endMinute: Int, perHour: Double) {
        self.field = field
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.perHour = perHour
    }

    /// The same rate over each office session, e.g. 07:30–11:30 and 13:30–17:00.
    public static func sessions(field: String, perHour: Double, sessions: [OfficeSession]) -> [ArrivalRate] {
        sessions.compactMap { session in
            guard let start = session.startMinute, let end = session.endMinute else { return nil }
            return ArrivalRate(field: field, startMinute: start, endMinute: end, perHour: perHour)
        }
    }

    /// A rate per whole hour: `perHour[8] = 12` means 12 tickets between 08:00 and 09:00.
    public static func hourly(field: String, perHour: [Int: Double]) -> [ArrivalRate] {
        perHour.keys.sorted().map { hour in
            ArrivalRate(field: field, startMinute: hour * 60, endMinute: hour * 60 + 60, perHour: perHour[hour] ?? 0)
        }
    }
}

extension SimulatedArrival {
    /// A synthetic day: Poisson arrivals for each rate in turn (exponential gaps), each citizen's service time
    /// exponential with the field's mean (6 minutes when missing), all from one SplitMix64 stream, so a seed
    /// always gives the same day. Sorted by arrival time.
    public static func synthesize(
        day: DayKey, rates: [ArrivalRate], meanServiceMinutes: [String: Double], seed: UInt64
    ) -> [SimulatedArrival] {
        var random = SplitMix64(seed: seed)
        var arrivals: [SimulatedArrival] = []
        for rate in rates where rate.perHour > 0 && rate.endMinute > rate.startMinute {
            let start = day.date(atMinute: rate.startMinute)
            let length = Double(rate.endMinute - rate.startMinute) * 60
            let meanGap = 3600 / rate.perHour
            let meanService = (meanServiceMinutes[rate.field] ?? 6) * 60
            var offset = random.exponential(mean: meanGap)
            while offset < length {
                arrivals.append(
                    SimulatedArrival(
                        at: start.addingTimeInterval(offset), field: rate.field,
                        serviceSeconds: random.exponential(mean: meanService)))
                offset += random.exponential(mean: meanGap)
            }
        }
        return stableSorted(arrivals)
    }

    static func stableSorted(_ arrivals: [SimulatedArrival]) -> [SimulatedArrival] {
        arrivals.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }.map(\.element)
    }
}
