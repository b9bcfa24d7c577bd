public import Foundation
import GRDB
public import QueueCore

extension AppDatabase {
    /// Records the dossier handed in with a ticket and its promise (`nil` for an incomplete dossier), and
    /// appends a `dossier-received` event to the ticket. Staff may record only at their own counter.
    public func recordDossier(
        ticket id: Int64, procedure: Procedure, complete: Bool, promise: Promise?, citizen: DossierCitizen? = nil,
        by actor: StaffActor, at now: Date
    ) async throws -> (dossier: Dossier, event: PublishedEvent) {
        try await writer.write { db in
            guard let ticket = try Ticket.fetch(db, id: id) else { throw QueueError.unknownTicket(String(id)) }
            guard actor.mayAct(at: ticket.counter) else { throw QueueError.notYourCounter(actor.counter) }
            guard ticket.state == .serving || ticket.state == .done || ticket.state == .called else {
                throw QueueError.invalid(
                    "Phiếu \(ticket.label) chưa được gọi đến quầy; chỉ tiếp nhận hồ sơ của công dân đang ở quầy.",
                    "Ticket \(ticket.label) has not been called to a counter; record dossiers of citizens at the counter.")
            }
            // The kiosk's ID scan may have named the citizen: the dossier keeps it without the officer retyping it.
            let name = citizen?.name ?? ticket.citizenName
            try db.execute(
                sql: """
                    INSERT INTO dossier (ticket, procedure, field, complete, receivedAt, serviceDay, promisedAt, rule, sameDay, counter, staff,
                      citizenName, citizenKey, citizenPhone)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ticket.id, procedure.code, procedure.field, complete, Millis.of(now), VietnamTime.serviceDay(of: now),
                    promise.map { Millis.of($0.promisedAt) }, promise?.rule.code, promise?.rule.isSameDay ?? false,
                    ticket.counter, actor.username, name, name.map(DossierCitizen.searchKey), citizen?.phone,
                ])
            let dossierID = db.lastInsertedRowID
            let event = try appendEvent(db, .dossierReceived, ticket: ticket, at: now, staff: actor.username, detail: procedure.code)
            guard let dossier = try fetchDossier(db, id: dossierID, now: now) else { throw QueueError.unknownTicket("dossier") }
            return (dossier, event)
        }
    }

    /// Marks a dossier's result as handed back to the citizen, at any counter that serves the dossier's field
    /// (staff) or anywhere (supervisors, admins); the return is written to the audit log in the same
    /// transaction, with `client` as the address it came from.
    public func returnDossier(id: Int64, by actor: StaffActor, client: String? = nil, at now: Date) async throws -> Dossier {
        try await writer.write { db in
            guard let dossier = try fetchDossier(db, id: id, now: now) else { throw Self.unknownDossier(id) }
            if let own = actor.counter, try !mayHandle(db, field: dossier.field, by: actor) {
                throw QueueError(
                    .notYourCounter,
                    message:
                        "Quầy \(own) không phục vụ lĩnh vực “\(dossier.field)” của hồ sơ \(id); hãy trả kết quả tại quầy phục vụ lĩnh vực này.",
                    englishMessage:
                        "Counter \(own) does not serve field '\(dossier.field)' of dossier \(id); return it at a counter that does.")
            }
            guard dossier.returnedAt == nil else {
                throw QueueError(
                    .conflict, message: "Hồ sơ \(id) đã trả kết quả rồi.", englishMessage: "Dossier \(id) was already returned.")
            }
            try db.execute(sql: "UPDATE dossier SET returnedAt = ? WHERE id = ?", arguments: [Millis.of(now), id])
            if let ticketID = dossier.ticketId, let ticket = try Ticket.fetch(db, id: ticketID) {
                _ = try appendEvent(db, .resultReturned, ticket: ticket, at: now, staff: actor.username, detail: String(id))
            }
            let returned = try fetchDossier(db, id: id, now: now) ?? dossier
            try appendAudit(
                db, .dossierReturned, target: String(id), before: try Self.auditJSON(dossier), after: try Self.auditJSON(returned),
                by: AuditStamp(actor: actor.username, client: client), at: now)
            return returned
        }
    }

    public func dossier(id: Int64, at now: Date) async throws -> Dossier? {
        try await writer.read { db in try fetchDossier(db, id: id, now: now) }
    }

    /// Dossiers not yet returned whose promise has passed, oldest promise first.
    public func lateDossiers(at now: Date) async throws -> [Dossier] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: Self.dossierSelect + " WHERE dossier.returnedAt IS NULL AND dossier.promisedAt < ? ORDER BY dossier.promisedAt",
                arguments: [Millis.of(now)]
            ).map { Dossier(row: $0, now: now) }
        }
    }

    /// Promised dossiers not yet returned whose promise falls before `deadline` (late or about to be).
    public func unreturnedDossiers(promisedBefore deadline: Date, at now: Date) async throws -> [Dossier] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: Self.dossierSelect + " WHERE dossier.returnedAt IS NULL AND dossier.promisedAt < ? ORDER BY dossier.promisedAt",
                arguments: [Millis.of(deadline)]
            ).map { Dossier(row: $0, now: now) }
        }
    }

    /// Dossiers received on service days `from`…`to` (inclusive).
    public func dossiers(from: String, to: String, at now: Date) async throws -> [Dossier] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: Self.dossierSelect + " WHERE dossier.serviceDay BETWEEN ? AND ? ORDER BY dossier.id", arguments: [from, to]
            ).map { Dossier(row: $0, now: now) }
        }
    }

    func fetchDossier(_ db: Database, id: Int64, now: Date) throws -> Dossier? {
        try Row.fetchOne(db, sql: Self.dossierSelect + " WHERE dossier.id = ?", arguments: [id]).map { Dossier(row: $0, now: now) }
    }

    static let dossierSelect = """
        SELECT dossier.*, ticket.label, procedure.name AS procedureName FROM dossier
        LEFT JOIN ticket ON ticket.id = dossier.ticket LEFT JOIN procedure ON procedure.code = dossier.procedure
        """

    public static func unknownDossier(_ id: Int64) -> QueueError {
        QueueError(.unknownTicket, message: "Không có hồ sơ số \(id).", englishMessage: "No dossier \(id).")
    }
}
