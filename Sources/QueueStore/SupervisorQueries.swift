public import Foundation
import GRDB
public import QueueCore

extension AppDatabase {
    /// Today's live figures for the supervisor. `targetMinutes` gives a field's wait target for today (the
    /// caller knows the day type); `satisfactionTarget` is the overall target share.
    public func supervisorFigures(
        at now: Date, targetMinutes: @Sendable (Field) -> Int, satisfactionTarget: Double
    ) async throws -> SupervisorFigures {
        try await writer.read { db in
            let day = VietnamTime.serviceDay(of: now)
            let fields = try Row.fetchAll(db, sql: "SELECT * FROM field ORDER BY position").map { row in
                Field(
                    code: row["code"], name: row["name"], nameEn: row["nameEn"], prefix: row["prefix"],
                    waitTargetMinutes: row["waitTargetMinutes"])
            }
            let targets = Dictionary(uniqueKeysWithValues: fields.map { ($0.code, targetMinutes($0)) })
            let watches = try fields.map { try fieldWatch(db, $0, target: targets[$0.code] ?? $0.waitTargetMinutes, day: day, now: now) }
            return SupervisorFigures(
                serviceDay: day, fields: watches, counters: try counterWatches(db, day: day, now: now),
                today: try todayFigures(db, day: day, now: now, targets: targets, satisfactionTarget: satisfactionTarget),
                hourly: try hourFigures(db, day: day), satisfaction: try ratingLevels(db, day: day))
        }
    }

    func fieldWatch(_ db: Database, _ field: Field, target: Int, day: String, now: Date) throws -> FieldWatch {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS issued, SUM(state = 'done') AS served,
                  MIN(CASE WHEN state = 'waiting' THEN issuedAt END) AS oldestWaiting,
                  AVG(firstCalledAt - issuedAt) AS meanWait
                FROM ticket WHERE serviceDay = ? AND field = ?
                """,
            arguments: [day, field.code])
        let waiting = try waitingInField(db, field: field.code, day: day, priorityOnly: false)
        let oldest = (row?["oldestWaiting"] as Int64?).map(Millis.date)
        let longest = oldest.map { max(0, Int(now.timeIntervalSince($0) / 60)) } ?? 0
        let estimate = try estimateWait(db, field: field.code, day: day, ahead: waiting)
        let openCounters = try self.openCounters(db, field: field.code).open
        return FieldWatch(
            code: field.code, name: field.name, nameEn: field.nameEn, prefix: field.prefix, waiting: waiting,
            longestWaitMinutes: longest, estimatedWaitMinutes: estimate, targetMinutes: target,
            status: FieldWatch.light(longest: longest, estimate: estimate, target: target), openCounters: openCounters,
            issuedToday: row?["issued"] ?? 0, servedToday: row?["served"] ?? 0,
            meanWaitMinutes: Self.minutes(row?["meanWait"] as Double?))
    }

    func counterWatches(_ db: Database, day: String, now: Date) throws -> [CounterWatch] {
        try Int.fetchAll(db, sql: "SELECT number FROM counter ORDER BY number").map { number in
            let counter = try counterRow(db, number)
            let current = try Ticket.fetchOne(
                db, sql: "SELECT * FROM ticket WHERE counter = ? AND state IN ('called', 'serving') ORDER BY calledAt DESC LIMIT 1",
                arguments: [number])
            let last = try Row.fetchOne(
                db, sql: "SELECT staff, MAX(COALESCE(endedAt, calledAt)) AS lastAt FROM ticket WHERE serviceDay = ? AND counter = ?",
                arguments: [day, number])
            let lastAt = (last?["lastAt"] as Int64?).map(Millis.date)
            let idle = (current == nil && !counter.paused) ? lastAt.map { max(0, Int(now.timeIntervalSince($0) / 60)) } : nil
            var watch = CounterWatch(
                number: number, name: counter.name, fields: counter.fields, paused: counter.paused,
                staff: current?.staff ?? last?["staff"],
                current: current.map { .init(label: $0.label, state: $0.state, since: $0.servingAt ?? $0.calledAt ?? $0.issuedAt) },
                idleMinutes: idle)
            watch.assigned = try Row.fetchAll(
                db, sql: "SELECT username, displayName FROM user WHERE role = 'staff' AND counter = ? ORDER BY username",
                arguments: [number]
            ).map { Officer(username: $0["username"], displayName: $0["displayName"]) }
            return watch
        }
    }

    func todayFigures(
        _ db: Database, day: String, now: Date, targets: [String: Int], satisfactionTarget: Double
    ) throws -> TodayFigures {
        let counts = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS issued, SUM(state = 'done') AS served, SUM(state = 'no-show') AS noShows,
                  SUM(state = 'waiting') AS waiting, AVG(firstCalledAt - issuedAt) AS meanWait
                FROM ticket WHERE serviceDay = ?
                """,
            arguments: [day])
        var within = 0
        var called = 0
        for row in try Row.fetchAll(
            db, sql: "SELECT field, firstCalledAt - issuedAt AS wait FROM ticket WHERE serviceDay = ? AND firstCalledAt IS NOT NULL",
            arguments: [day])
        {
            called += 1
            if (row["wait"] as Int64) <= Int64(targets[row["field"]] ?? 15) * 60_000 { within += 1 }
        }
        let levels = try ratingLevels(db, day: day)
        let ratings = levels.values.reduce(0, +)
        let satisfied = (levels["1"] ?? 0) + (levels["2"] ?? 0)
        // Promises of today already settled: due by now, or returned early (a result handed back at 09:00 for a
        // 17:00 promise counts as on time at once; one still pending before its hour counts neither way yet).
        let dayStart = DayKey(iso: day)?.date(atMinute: 0) ?? now
        let promises = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS due, SUM(returnedAt IS NOT NULL AND returnedAt <= promisedAt) AS onTime,
                  SUM(COALESCE(returnedAt, ?1) > promisedAt) AS late
                FROM dossier WHERE promisedAt IS NOT NULL AND promisedAt >= ?2
                  AND (promisedAt <= ?1 OR (returnedAt IS NOT NULL AND promisedAt < ?3))
                """,
            arguments: [Millis.of(now), Millis.of(dayStart), Millis.of(dayStart.addingTimeInterval(86_400))])
        return TodayFigures(
            issued: counts?["issued"] ?? 0, served: counts?["served"] ?? 0, noShows: counts?["noShows"] ?? 0,
            waiting: counts?["waiting"] ?? 0, meanWaitMinutes: Self.minutes(counts?["meanWait"] as Double?),
            withinTargetShare: called == 0 ? nil : Double(within) / Double(called), ratings: ratings,
            satisfactionShare: ratings == 0 ? nil : Double(satisfied) / Double(ratings), satisfactionTarget: satisfactionTarget,
            promisesDue: promises?["due"] ?? 0, promisesOnTime: promises?["onTime"] ?? 0, promisesLate: promises?["late"] ?? 0)
    }

    func hourFigures(_ db: Database, day: String) throws -> [HourFigures] {
        // Vietnam is UTC+7 all year: the local hour is (UTC millis / 3.6e6 + 7) mod 24.
        try Row.fetchAll(
            db,
            sql: """
                SELECT ((issuedAt / 3600000) + 7) % 24 AS hour, COUNT(*) AS issued, AVG(firstCalledAt - issuedAt) AS meanWait
                FROM ticket WHERE serviceDay = ? GROUP BY hour ORDER BY hour
                """,
            arguments: [day]
        ).map { HourFigures(hour: $0["hour"], issued: $0["issued"], meanWaitMinutes: Self.minutes($0["meanWait"] as Double?)) }
    }

    func ratingLevels(_ db: Database, day: String) throws -> [String: Int] {
        var levels = ["1": 0, "2": 0, "3": 0, "4": 0]
        for row in try Row.fetchAll(
            db, sql: "SELECT level, COUNT(*) AS n FROM rating WHERE serviceDay = ? GROUP BY level", arguments: [day])
        {
            levels[String(row["level"] as Int)] = row["n"]
        }
        return levels
    }

    /// Milliseconds → minutes, one decimal.
    static func minutes(_ millis: Double?) -> Double {
        guard let millis else { return 0 }
        return (millis / 6_000).rounded() / 10
    }
}
