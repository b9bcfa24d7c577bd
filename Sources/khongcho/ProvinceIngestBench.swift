import Foundation
import Logging
import NIOConcurrencyHelpers
import Province
import QueueCore
import QueueStore

/// The ingest figure of `make bench-province`: one more day of every centre (its tickets, then its ratings and
/// dossiers) applied through the replicators' own path — batches of at most 2,000 upserted as arrays, the day rollup
/// recomputed by the triggers, each in one transaction with its cursor — over 8 connections at once.
struct ProvinceIngestBench {
    let url: String
    let codes: [String]
    let day: DayKey
    let ticketsPerDay: Int
    let logger: Logger

    func run() async throws -> String {
        var work: [(String, TicketFeedBatch?, LogFeedBatch?)] = []
        var facts = 0
        for (index, code) in codes.enumerated() {
            var random = SplitMix64(seed: UInt64(index + 7))
            var tickets: [ReplicatedTicket] = []
            var ratings: [ReplicatedRating] = []
            var dossiers: [ReplicatedDossier] = []
            for n in 0..<ticketsPerDay {
                let id = 2_000_000_000 + Int64(n)
                let issued = day.date(atMinute: 450 + Int(random.next() % 570))
                let called = issued.addingTimeInterval(Double(random.next() % 2400))
                let ended = called.addingTimeInterval(300)
                tickets.append(
                    ReplicatedTicket(
                        id: id, serviceDay: day.iso, field: "dat-dai", priority: "none", state: "done", issuedAt: issued,
                        firstCalledAt: called, endedAt: ended, counter: 1, staff: "cb1", booked: false))
                if n % 2 == 0 {
                    ratings.append(
                        ReplicatedRating(
                            id: id, serviceDay: day.iso, at: ended, field: "dat-dai", counter: 1, staff: "cb1", level: 1 + n % 4,
                            reason: nil))
                }
                if n % 3 == 0 {
                    dossiers.append(
                        ReplicatedDossier(
                            id: id, serviceDay: day.iso, field: "dat-dai", procedure: "p", sameDay: true, receivedAt: ended,
                            promisedAt: day.date(atMinute: 990), returnedAt: day.date(atMinute: 960), counter: 1, staff: "cb1"))
                }
            }
            facts += tickets.count + ratings.count + dossiers.count
            // Cursors stay at 0: the live centres' replicators start from their own first event afterwards.
            for start in stride(from: 0, to: tickets.count, by: 2000) {
                work.append(
                    (code, TicketFeedBatch(tickets: Array(tickets[start..<min(start + 2000, tickets.count)]), events: 0, through: 0), nil))
            }
            let log = ratings.count + dossiers.count
            work.append((code, nil, LogFeedBatch(ratings: ratings, dossiers: dossiers, entries: log, through: 0)))
        }
        let queue = NIOLockedValueBox(work[...])
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { [url, logger] in
                    let database = try ProvinceDatabase.direct(url: url, logger: logger)
                    do {
                        while let (code, tickets, log) = queue.withLockedValue({ $0.popFirst() }) {
                            if let tickets { try await database.apply(tickets, centre: code) }
                            if let log { try await database.apply(log, centre: code) }
                        }
                    } catch {
                        await database.close()
                        throw error
                    }
                    await database.close()
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - started
        return
            "ingest: \(facts) facts (\(codes.count) centres × one day: tickets, ratings, dossiers) in \(ProvinceBenchCommand.seconds(elapsed)) "
            + "over 8 connections = \(Int(Double(facts) / ProvinceBenchCommand.secondsValue(elapsed))) facts/s (target ≥ 20,000)"
    }
}
