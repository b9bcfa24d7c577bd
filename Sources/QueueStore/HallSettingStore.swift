public import Foundation
import GRDB

/// What the admin sets from the browser beyond the catalog, stored as one JSON value per key (`hallSetting`).
/// A key with no row means "as shipped": the caller falls back to its file or default.
public struct HallSettingKey: RawRepresentable, Sendable, Hashable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// `HallIdentity`: footer and ticker line.
    public static let identity = HallSettingKey(rawValue: "identity")
    /// The hall's logo, a PNG, as base64.
    public static let logo = HallSettingKey(rawValue: "logo")
    /// Office hours, extra windows (the ninth hour) and the no-wait Friday cutoff.
    public static let hours = HallSettingKey(rawValue: "hours")
    /// The no-wait targets (satisfaction, on-time, alert thresholds).
    public static let targets = HallSettingKey(rawValue: "targets")
    /// `BookingSettings`: slot length, places, days ahead, grace and lead.
    public static let booking = HallSettingKey(rawValue: "booking")
    /// The bcrypt hash of the PIN that opens the kiosks' settings screen.
    public static let kioskPin = HallSettingKey(rawValue: "kioskPin")
    /// One kiosk's own settings, by its client address.
    public static func kiosk(_ address: String) -> HallSettingKey { HallSettingKey(rawValue: kioskPrefix + address) }
    public static let kioskPrefix = "kiosk:"

    /// How the audit log keeps a value: a logo by its size, a PIN hash not at all, anything else as it is.
    func audited(_ json: String?) -> String? {
        switch self {
        case .logo: json.map { "\($0.count) bytes" }
        case .kioskPin: json.map { _ in "(ẩn / hidden)" }
        default: json
        }
    }
}

/// The audit action for a saved setting: `setting.<key>`.
extension AuditAction {
    static func settingSaved(_ key: HallSettingKey) -> AuditAction { AuditAction(rawValue: "setting.\(key.rawValue)") }
}

extension AppDatabase {
    /// The stored value of `key`, or `nil` when the admin never set it.
    public func hallSetting<Value: Decodable & Sendable & SendableMetatype>(_ key: HallSettingKey, as type: Value.Type) async throws
        -> Value?
    {
        try await writer.read { db in try Self.hallSetting(db, key, as: type) }
    }

    static func hallSetting<Value: Decodable>(_ db: Database, _ key: HallSettingKey, as type: Value.Type) throws -> Value? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM hallSetting WHERE key = ?", arguments: [key.rawValue])
        else { return nil }
        return try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// Every stored setting whose key starts with `prefix`, by the rest of its key (e.g. each kiosk's settings).
    public func hallSettings<Value: Decodable & Sendable & SendableMetatype>(prefix: String, as type: Value.Type) async throws
        -> [String: Value]
    {
        try await writer.read { db in
            var values: [String: Value] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT key, json FROM hallSetting WHERE substr(key, 1, ?) = ?", arguments: [prefix.count, prefix])
            {
                let key: String = row["key"]
                values[String(key.dropFirst(prefix.count))] = try JSONDecoder().decode(type, from: Data((row["json"] as String).utf8))
            }
            return values
        }
    }

    /// When `key` was last saved, `nil` when never: lets pages tell a new logo from a cached one.
    public func hallSettingUpdatedAt(_ key: HallSettingKey) async throws -> Date? {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT updatedAt FROM hallSetting WHERE key = ?", arguments: [key.rawValue]).map(Millis.date)
        }
    }

    /// Stores `value` under `key` (or removes the key when `value` is `nil`) with its audit entry, in one
    /// transaction. `auditValue` is what the log keeps (a logo is logged by size, not by its bytes).
    public func saveHallSetting(
        _ key: HallSettingKey, _ value: (some Encodable & Sendable)?, auditValue: String? = nil, by stamp: AuditStamp, at now: Date
    ) async throws {
        let json = try value.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let after = try auditValue ?? value.map { try Self.auditJSON($0) }
        try await writer.write { db in
            let before = try String.fetchOne(db, sql: "SELECT json FROM hallSetting WHERE key = ?", arguments: [key.rawValue])
            if let json {
                try db.execute(
                    sql: """
                        INSERT INTO hallSetting (key, json, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET json = excluded.json, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                        """,
                    arguments: [key.rawValue, json, Millis.of(now), stamp.actor])
            } else {
                try db.execute(sql: "DELETE FROM hallSetting WHERE key = ?", arguments: [key.rawValue])
            }
            try appendAudit(
                db, .settingSaved(key), target: key.rawValue, before: key.audited(before), after: after, by: stamp, at: now)
        }
    }
}
