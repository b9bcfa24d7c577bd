public import Foundation
import GRDB
import QueueCore

extension AppDatabase {
    /// Dossiers matching what the officer typed at the return desk: the dossier number, the phone (or its last
    /// digits), or part of the name (diacritics and case ignored). Staff see the fields their counter serves;
    /// supervisors and admins see all. Unreturned first (oldest promise first), then the latest returned; at most `limit`.
    public func searchDossiers(_ query: String, by actor: StaffActor, limit: Int = 20, at now: Date) async throws -> [Dossier] {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        let digits = text.filter(\.isNumber)
        let numeric = digits.count == text.count
        return try await writer.read { db in
            var fields: [String]? = nil
            if let own = actor.counter { fields = try counterRow(db, own).fields }
            var conditions = ["dossier.citizenKey LIKE ? ESCAPE '\\'"]
            var arguments: [any DatabaseValueConvertible] = ["%" + Self.likeEscaped(DossierCitizen.searchKey(text)) + "%"]
            if numeric {
                conditions.append("dossier.id = ?")
                arguments.append(Int64(digits.prefix(18)) ?? -1)
                if digits.count >= 3 {
                    conditions.append("dossier.citizenPhone LIKE ?")
                    arguments.append("%" + digits)
                }
            }
            var sql = Self.dossierSelect + " WHERE (" + conditions.joined(separator: " OR ") + ")"
            if let fields {
                sql += " AND dossier.field IN (" + fields.map { _ in "?" }.joined(separator: ",") + ")"
                arguments += fields
            }
            sql +=
                " ORDER BY dossier.returnedAt IS NOT NULL, dossier.promisedAt IS NULL, dossier.promisedAt, dossier.returnedAt DESC LIMIT ?"
            arguments.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { Dossier(row: $0, now: now) }
        }
    }

    /// Records why a promised, unreturned dossier will be late and when it will now be ready, audited with the
    /// client address. The original promise stays: the on-time rate still counts the dossier against it.
    public func delayDossier(
        id: Int64, reason: String, newPromisedAt: Date, by actor: StaffActor, client: String? = nil, at now: Date
    ) async throws -> Dossier {
        try await writer.write { db in
            guard let dossier = try fetchDossier(db, id: id, now: now) else { throw Self.unknownDossier(id) }
            if let own = actor.counter, try !mayHandle(db, field: dossier.field, by: actor) {
                throw QueueError(
                    .notYourCounter, message: "Quầy \(own) không phục vụ lĩnh vực “\(dossier.field)” của hồ sơ \(id).",
                    englishMessage: "Counter \(own) does not serve field '\(dossier.field)' of dossier \(id).")
            }
            guard let promisedAt = dossier.promisedAt, dossier.returnedAt == nil else {
                throw QueueError(
                    .conflict, message: "Hồ sơ \(id) chưa có hẹn trả hoặc đã trả kết quả; không cần hẹn lại.",
                    englishMessage: "Dossier \(id) has no promise or was already returned; there is nothing to reschedule.")
            }
            guard newPromisedAt > max(promisedAt, now) else {
                throw QueueError.invalid(
                    "Ngày hẹn mới phải sau ngày đã hẹn (\(VietnamTime.clockTime(promisedAt)) \(DayKey(promisedAt).vietnamese)) và sau hôm nay.",
                    "The new date must come after the promised one and after today.")
            }
            try db.execute(
                sql: "UPDATE dossier SET lateReason = ?, newPromisedAt = ? WHERE id = ?",
                arguments: [reason, Millis.of(newPromisedAt), id])
            let delayed = try fetchDossier(db, id: id, now: now) ?? dossier
            try appendAudit(
                db, .dossierDelayed, target: String(id), before: try Self.auditJSON(dossier), after: try Self.auditJSON(delayed),
                by: AuditStamp(actor: actor.username, client: client), at: now)
            return delayed
        }
    }

    /// Whether `actor` may handle dossiers of `field`: supervisors and admins always, staff when their counter serves it.
    public func mayHandle(field: String, by actor: StaffActor) async throws -> Bool {
        try await writer.read { db in try mayHandle(db, field: field, by: actor) }
    }

    func mayHandle(_ db: Database, field: String, by actor: StaffActor) throws -> Bool {
        guard let own = actor.counter else { return true }
        return try counterRow(db, own).fields.contains(field)
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
