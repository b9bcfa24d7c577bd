public import Foundation
public import QueueCore
import GRDB

extension AppDatabase {
    /// Writes a seeded synthetic reporting year (15 Dec of the year before → 14 Dec) of history straight into the
    /// store, for `khongcho report-bench`: about `tickets` tickets spread over the working days (weekends and the
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
