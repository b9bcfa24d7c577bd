import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

/// Past days' phones are cleared every 2 s by the SMS outbox, in the writer: the statements must read only the rows
/// that still hold a phone (a partial index each), or a year of history stalls ticket issue on every pass.
@Suite("SMS phone purge")
struct SMSPhonePurgeTests {
    @Test func pastDaysPhonesAreClearedThroughThePartialIndexes() async throws {
        let hall = try await TestHall()
        let today = ManualClock.vietnamDate("2026-03-02 08:00")
        let yesterday = ManualClock.vietnamDate("2026-02-27 08:00")
        let old = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: yesterday).ticket
        let new = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: today).ticket
        try await hall.database.writer.write { db in
            try db.execute(sql: "UPDATE ticket SET smsPhone = '0912345678' WHERE id IN (?, ?)", arguments: [old.id, new.id])
        }
        #expect(try await hall.database.purgeSMSPhones(before: "2026-03-02") == 1)
        let phones = try await hall.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, smsPhone FROM ticket ORDER BY id").map { ($0[0] as Int64, $0[1] as String?) }
        }
        #expect(phones.map(\.0) == [old.id, new.id])
        #expect(phones.map(\.1) == [nil, "0912345678"])

        // The purge's own statements (SMSOutboxStore.purgeSMSPhones), as the planner runs them.
        let plans = try await hall.database.writer.read { db in
            try [
                "UPDATE ticket SET smsPhone = NULL WHERE smsPhone IS NOT NULL AND serviceDay < '2026-03-02'",
                "UPDATE booking SET smsPhone = NULL WHERE smsPhone IS NOT NULL AND day < '2026-03-02'",
                """
                UPDATE smsOutbox SET phone = NULL, state = CASE state WHEN 'queued' THEN 'expired' ELSE state END
                WHERE phone IS NOT NULL AND serviceDay < '2026-03-02'
                """,
            ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)").map { $0["detail"] as String }.joined() }
        }
        #expect(plans[0].contains("USING INDEX ticket_smsPhone"), "\(plans[0])")
        #expect(plans[1].contains("USING INDEX booking_smsPhone"), "\(plans[1])")
        #expect(plans[2].contains("USING INDEX smsOutbox_phone"), "\(plans[2])")
    }
}
