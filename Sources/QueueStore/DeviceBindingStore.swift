public import Foundation
import GRDB

extension AppDatabase {
    /// Which counter each device (printer, display, keypad) serves, by device id.
    public func deviceBindings() async throws -> [String: Int] {
        try await writer.read { db in
            var bindings: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT device, counter FROM deviceBinding WHERE counter IS NOT NULL") {
                bindings[row["device"]] = row["counter"]
            }
            return bindings
        }
    }

    /// Binds a device to a counter (`nil` unbinds). The counter must exist.
    public func bindDevice(_ device: String, counter: Int?, at now: Date) async throws {
        try await writer.write { db in
            if let counter { _ = try counterRow(db, counter) }
            try db.execute(
                sql:
                    "INSERT INTO deviceBinding (device, counter, updatedAt) VALUES (?, ?, ?) ON CONFLICT (device) DO UPDATE SET counter = excluded.counter, updatedAt = excluded.updatedAt",
                arguments: [device, counter, Millis.of(now)])
        }
    }
}
