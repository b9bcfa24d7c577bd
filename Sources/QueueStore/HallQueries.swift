public import Foundation
import GRDB
public import QueueCore

/// A field as the kiosk lists it.
public struct FieldQueue: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var nameEn: String
    public var prefix: String
    public var waiting: Int
    public var waitTargetMinutes: Int
    /// What a ticket taken now would wait (the estimator with the queue, open and busy counters).
    public var estimatedWaitMinutes: Int
}

/// What a citizen's phone page shows for one ticket.
public struct TicketStatus: Codable, Sendable, Equatable {
    public var number: String
    public var field: String
    public var fieldName: String
    public var fieldNameEn: String
    public var priority: Priority
    public var state: TicketState
    public var issuedAt: Date
    public var ahead: Int
    public var estimatedWaitMinutes: Int
    public var counter: Int?
    public var recalls: Int
    /// The dossiers handed in with this ticket: what the citizen may follow from the promise slip's QR (no
    /// name or phone, only the procedure, promise and status).
    public var dossiers: [PublicDossier] = []
}

/// A dossier as its citizen's phone page shows it.
public struct PublicDossier: Codable, Sendable, Equatable {
    public var id: Int64
    public var procedureName: String
    public var status: Dossier.Status
    public var promisedAt: Date?
    public var newPromisedAt: Date?
    public var returnedAt: Date?
}

/// A counter on the hall screen and the staff page.
public struct CounterStatus: Codable, Sendable, Equatable {
    public var number: Int
    public var name: String
    public var fields: [String]
    public var paused: Bool
    public var current: TicketSummary?
}

/// A recent call for the hall screen: number, counter and when.
public struct CallRecord: Codable, Sendable, Equatable {
    public var eventId: Int64
    public var number: String
    public var counter: Int
    public var at: Date
}

/// Everything the hall display needs to draw itself before following the live stream from `lastEventId`.
public struct HallState: Codable, Sendable, Equatable {
    public var centreName: String
    public var lastEventId: Int64
    public var fields: [FieldQueue]
    public var counters: [CounterStatus]
    public var recentCalls: [CallRecord]
    /// The hall clock when this was read (the training clock included), so screens show the hall's time, not
    /// the TV's own.
    public var now: Date
    /// The footer line and the ticker's announcement (empty: the screen's own line).
    public var identity: HallIdentity
    /// Where the hall's logo is served (versioned, so a new logo is not hidden by a cache), `nil` without one.
    public var logo: String?
    /// Whether the kiosk issues now (the route fills it from the calendar; `nil` without one).
    public var issuing: IssuingStatus?
}

extension AppDatabase {
    public func fieldQueues(at now: Date) async throws -> [FieldQueue] {
        try await writer.read { db in try fieldQueues(db, day: VietnamTime.serviceDay(of: now)) }
    }

    func fieldQueues(_ db: Database, day: String) throws -> [FieldQueue] {
        let counts = try waitingCounts(db, day: day)
        return try Row.fetchAll(db, sql: "SELECT * FROM field ORDER BY position").map { row in
            let waiting = counts[row["code"]] ?? 0
            return FieldQueue(
                code: row["code"], name: row["name"], nameEn: row["nameEn"], prefix: row["prefix"],
                waiting: waiting, waitTargetMinutes: row["waitTargetMinutes"],
                estimatedWaitMinutes: try estimateWait(db, field: row["code"], day: day, ahead: waiting))
        }
    }

    public func ticketStatus(token: String, at now: Date) async throws -> TicketStatus? {
        try await writer.read { db in
            guard let ticket = try Ticket.fetchOne(db, sql: "SELECT * FROM ticket WHERE token = ?", arguments: [token]),
                let field = try Row.fetchOne(db, sql: "SELECT name, nameEn FROM field WHERE code = ?", arguments: [ticket.field])
            else { return nil }
            let ahead = ticket.state == .waiting ? try peopleAhead(db, of: ticket) : 0
            let estimate = ticket.state == .waiting ? try estimateWait(db, field: ticket.field, day: ticket.serviceDay, ahead: ahead) : 0
            var status = TicketStatus(
                number: ticket.label, field: ticket.field, fieldName: field["name"], fieldNameEn: field["nameEn"],
                priority: ticket.priority, state: ticket.state, issuedAt: ticket.issuedAt, ahead: ahead,
                estimatedWaitMinutes: estimate, counter: ticket.state.isAtCounter ? ticket.counter : nil,
                recalls: ticket.recalls)
            status.dossiers = try Row.fetchAll(
                db, sql: Self.dossierSelect + " WHERE dossier.ticket = ? ORDER BY dossier.id", arguments: [ticket.id]
            ).map { row in
                let dossier = Dossier(row: row, now: now)
                return PublicDossier(
                    id: dossier.id, procedureName: dossier.procedureName, status: dossier.status, promisedAt: dossier.promisedAt,
                    newPromisedAt: dossier.newPromisedAt, returnedAt: dossier.returnedAt)
            }
            return status
        }
    }

    public func counters() async throws -> [CounterStatus] {
        try await writer.read { db in try counterStatuses(db) }
    }

    func counterStatuses(_ db: Database) throws -> [CounterStatus] {
        try Int.fetchAll(db, sql: "SELECT number FROM counter ORDER BY number").map { number in
            let counter = try counterRow(db, number)
            let current = try Ticket.fetchOne(
                db, sql: "SELECT * FROM ticket WHERE counter = ? AND state IN ('called', 'serving') ORDER BY calledAt DESC LIMIT 1",
                arguments: [number])
            return CounterStatus(
                number: number, name: counter.name, fields: counter.fields, paused: counter.paused,
                current: current.map(TicketSummary.init))
        }
    }

    public func hallState(at now: Date, recentCalls limit: Int = 8) async throws -> HallState {
        try await writer.read { db in
            let day = VietnamTime.serviceDay(of: now)
            let calls = try Row.fetchAll(
                db,
                sql: """
                    SELECT event.id, event.at, event.counter, ticket.label FROM event JOIN ticket ON ticket.id = event.ticket
                    WHERE ticket.serviceDay = ? AND event.kind IN ('called', 'recalled') AND event.counter IS NOT NULL
                    ORDER BY event.id DESC LIMIT ?
                    """,
                arguments: [day, limit])
            return HallState(
                centreName: try String.fetchOne(db, sql: "SELECT name FROM centre") ?? "",
                lastEventId: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0,
                fields: try fieldQueues(db, day: day),
                counters: try counterStatuses(db),
                recentCalls: calls.map {
                    CallRecord(eventId: $0["id"], number: $0["label"], counter: $0["counter"], at: Millis.date($0["at"]))
                }, now: now, identity: try Self.hallSetting(db, .identity, as: HallIdentity.self) ?? HallIdentity(),
                logo: try Int64.fetchOne(db, sql: "SELECT updatedAt FROM hallSetting WHERE key = 'logo'").map {
                    "/api/v1/hall/logo.png?v=\($0)"
                })
        }
    }

    /// The tickets waiting for a counter's fields, in the order the rule would consider them
    /// (priority first, then by original issue time).
    public func waitingList(counter number: Int, at now: Date) async throws -> [TicketSummary] {
        try await writer.read { db in
            let counter = try counterRow(db, number)
            let ids = try waitingTickets(db, fields: counter.fields, day: VietnamTime.serviceDay(of: now), counter: number)
                .sorted { ($0.priority.isPriority ? 0 : 1, $0.issuedAt, $0.id) < ($1.priority.isPriority ? 0 : 1, $1.issuedAt, $1.id) }
                .map(\.id)
            return try ids.compactMap { try Ticket.fetch(db, id: $0).map(TicketSummary.init) }
        }
    }

    public func setPaused(counter number: Int, _ paused: Bool) async throws {
        try await writer.write { db in
            _ = try counterRow(db, number)
            try db.execute(sql: "UPDATE counter SET paused = ? WHERE number = ?", arguments: [paused, number])
        }
    }
}
