public import Foundation
import GRDB
import QueueCore

/// The generator behind `generateReportHistory`; deterministic for a seed.
struct ReportBenchHistory {
    let catalog: Catalog
    var random: SplitMix64
    let asOf: Int64
    /// Share of tickets per field, in catalog order (the first fields busiest).
    let weights: [Double]

    init(catalog: Catalog, seed: UInt64, asOf: Date) {
        self.catalog = catalog
        random = SplitMix64(seed: seed)
        self.asOf = Millis.of(asOf)
        let raw = catalog.fields.indices.map { 1.0 / Double($0 + 2) }
        let sum = raw.reduce(0, +)
        weights = raw.map { $0 / sum }
    }

    static let holidays: Set<String> = [
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
        "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02",
    ]

    mutating func write(_ db: Database, tickets total: Int, year: Int) throws -> (tickets: Int, ratings: Int, dossiers: Int) {
        let period = try ReportPeriod(parsing: "year:\(year)")
        // Past days only: a history that reaches today or later would collide with the numbers `serve` issues.
        let today = VietnamTime.serviceDay(of: Date(timeIntervalSince1970: Double(asOf) / 1000))
        var days: [DayKey] = []
        var day = period.first
        while day <= period.last, day.iso < today {
            if !day.isWeekend, !Self.holidays.contains(day.iso) { days.append(day) }
            day = day.adding(days: 1)
        }
        guard !days.isEmpty else {
            throw QueueError.invalid(
                "Năm \(year) chưa có ngày nào đã qua trước \(today).", "Reporting year \(year) has no past day before \(today).")
        }
        let insertTicket = try db.makeStatement(
            sql: """
                INSERT INTO ticket (id, token, serviceDay, issuedField, field, number, label, priority, state, issuedAt,
                  firstCalledAt, calledAt, servingAt, endedAt, counter, staff, estimatedWaitMinutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'none', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertRating = try db.makeStatement(
            sql: """
                INSERT INTO rating (at, serviceDay, counter, ticket, field, staff, level, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')
                """)
        let insertDossier = try db.makeStatement(
            sql: """
                INSERT INTO dossier (ticket, procedure, field, complete, receivedAt, serviceDay, promisedAt, rule, sameDay,
                  counter, staff, returnedAt) VALUES (?, ?, ?, 1, ?, ?, ?, 'bench', ?, ?, ?, ?)
                """)
        let countersByField = Dictionary(
            uniqueKeysWithValues: catalog.fields.map { field in
                (field.code, catalog.counters.filter { $0.fields.contains(field.code) }.map(\.number))
            })
        let proceduresByField = Dictionary(grouping: catalog.procedures, by: \.field)
        var id: Int64 = 0
        var ratings = 0
        var dossiers = 0
        for (dayIndex, day) in days.enumerated() {
            let count = total / days.count + (dayIndex < total % days.count ? 1 : 0)
            var numbers = [Int](repeating: 0, count: catalog.fields.count)
            let dayText = day.iso
            let midnight = Millis.of(day.date(atMinute: 0))
            for k in 0..<count {
                id += 1
                // 450 session minutes: 07:30–11:30 then 13:30–17:00, tickets spread evenly with jitter.
                let offset = (Double(k) + random.unit()) * 450 / Double(max(count, 1))
                let minute = offset < 240 ? 450 + offset : 810 + (offset - 240)
                let issued = midnight + Int64(minute * 60_000)
                let fieldIndex = pickField()
                let issuedField = catalog.fields[fieldIndex]
                numbers[fieldIndex] += 1
                var field = issuedField.code
                if random.unit() < 0.02 { field = catalog.fields[(fieldIndex + 1) % catalog.fields.count].code }
                let roll = random.unit()
                let state = roll < 0.9 ? "done" : roll < 0.96 ? "no-show" : "cancelled"
                var called: Int64?
                var serving: Int64?
                var ended: Int64?
                var counter: Int?
                var staff: String?
                let waitSeconds = min(7200, random.exponential(mean: 480))
                if state != "cancelled" {
                    called = issued + Int64(waitSeconds * 1000)
                    let choices = countersByField[field] ?? []
                    counter = choices.isEmpty ? catalog.counters[0].number : choices[Int(random.next() % UInt64(choices.count))]
                    staff = counter.map { "quay\($0)" }
                    if state == "done" {
                        serving = (called ?? issued) + 30_000
                        ended = (serving ?? issued) + Int64(min(5400, random.exponential(mean: 360)) * 1000)
                    } else {
                        ended = (called ?? issued) + 180_000
                    }
                } else {
                    ended = issued + Int64(waitSeconds * 500)
                }
                let estimate = max(0, Int((waitSeconds / 60 + (random.unit() - 0.4) * 6).rounded()))
                let number = numbers[fieldIndex]
                try insertTicket.execute(arguments: [
                    id, "b\(id)", dayText, issuedField.code, field, number, TicketLabel.make(prefix: issuedField.prefix, number: number),
                    state,
                    issued, called, called, serving, ended, counter, staff, estimate,
                ])
                guard state == "done", let ended else { continue }
                if random.unit() < 0.4 {
                    let roll = random.unit()
                    let level = roll < 0.6 ? 1 : roll < 0.93 ? 2 : roll < 0.98 ? 3 : 4
                    try insertRating.execute(arguments: [ended + 20_000, dayText, counter, id, field, staff, level])
                    ratings += 1
                }
                if random.unit() < 0.3, let procedures = proceduresByField[field], !procedures.isEmpty {
                    let procedure = procedures[Int(random.next() % UInt64(procedures.count))]
                    let sameDay = procedure.workingDays == 0
                    let promised =
                        sameDay
                        ? midnight + 17 * 3_600_000
                        : midnight + Int64(procedure.workingDays) * 7 * 86_400_000 / 5 + 17 * 3_600_000
                    let late = random.unit()
                    var returned: Int64? = late < 0.02 ? promised + 86_400_000 : promised - Int64(random.unit() * 7_200_000)
                    if let value = returned, value > asOf { returned = nil }
                    try insertDossier.execute(arguments: [
                        id, procedure.code, field, ended, dayText, promised, sameDay, counter, staff, returned,
                    ])
                    dossiers += 1
                }
            }
        }
        // The day counters, as issuing would have left them.
        try db.execute(
            sql:
                "INSERT INTO dailySequence (serviceDay, field, lastNumber) SELECT serviceDay, issuedField, MAX(number) FROM ticket GROUP BY 1, 2"
        )
        return (Int(id), ratings, dossiers)
    }

    private mutating func pickField() -> Int {
        var roll = random.unit()
        for (index, weight) in weights.enumerated() {
            roll -= weight
            if roll < 0 { return index }
        }
        return weights.count - 1
    }
}

extension AppDatabase {
    /// Writes a seeded synthetic reporting year (15 Dec of the year before → 14 Dec) of history straight into the
    /// store, for `khongcho report-bench`: about `tickets` tickets spread over the working days before `asOf`'s
    /// service day (past days only, with their day counters, so `serve` can run on it; weekends and the
    /// main public holidays skipped) in the office sessions, across the catalog's fields and counters, with
    /// ratings for about 40 % of served tickets and dossiers for about 30 %. Rows go in with batched prepared
    /// INSERTs in one transaction; the live engine, events and triggers' side tables are bypassed, so use a fresh
    /// store only. Returns the rows written (tickets, ratings, dossiers).
    public func generateReportHistory(
        tickets: Int, year: Int, seed: UInt64 = 1, asOf: Date
    ) async throws -> (tickets: Int, ratings: Int, dossiers: Int) {
        let catalog = try await catalog()
        guard !catalog.fields.isEmpty, !catalog.counters.isEmpty else {
            throw QueueError.invalid("Danh mục trống: cần lĩnh vực và quầy.", "The catalog is empty: fields and counters are needed.")
        }
        return try await writer.write { db in
            var history = ReportBenchHistory(catalog: catalog, seed: seed, asOf: asOf)
            return try history.write(db, tickets: tickets, year: year)
        }
    }
}
