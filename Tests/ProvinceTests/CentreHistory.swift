import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing
import WebAPI

/// A small real history made through the store's own APIs: `walkIns` land tickets served with a dossier and a
/// rating each (levels cycling 1…4), a same-day civil-status dossier returned the same day, a no-show and a ticket
/// left waiting. Two centres built with different counts give different figures.
enum CentreHistory {
    static func make(_ hall: TestHall, walkIns: Int, day: String = "2026-03-02") async throws {
        let db = hall.database
        let catalog = try await db.catalog()
        let land = try #require(catalog.procedures.first { $0.code == "1.004227" })
        let birth = try #require(catalog.procedures.first { $0.code == "1.001193" })
        var minute = 8 * 60
        func at() -> Date {
            minute += 3
            hall.clock.set(ManualClock.vietnamDate(String(format: "\(day) %02d:%02d", minute / 60, minute % 60)))
            return hall.clock.now()
        }
        for index in 0..<walkIns {
            let issued = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at())
            _ = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: at()))
            _ = try await db.apply(.serve, ticket: issued.ticket.id, by: hall.staff(1), at: at())
            let promise = try PromiseCalculator(calendar: try #require(hall.settings.calendar)).promise(for: land, receivedAt: at())
            _ = try await db.recordDossier(
                ticket: issued.ticket.id, procedure: land, complete: true, promise: promise, by: hall.staff(1), at: at())
            _ = try await db.apply(.done(.received), ticket: issued.ticket.id, by: hall.staff(1), at: at())
            _ = try await db.recordRating(level: index % 4 + 1, counter: 1, source: .keypad, at: at())
        }
        let civil = try await db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: at())
        _ = try #require(try await db.callNext(counter: 2, by: hall.staff(2), at: at()))
        _ = try await db.apply(.serve, ticket: civil.ticket.id, by: hall.staff(2), at: at())
        let sameDay = try PromiseCalculator(calendar: try #require(hall.settings.calendar)).promise(for: birth, receivedAt: at())
        let dossier = try await db.recordDossier(
            ticket: civil.ticket.id, procedure: birth, complete: true, promise: sameDay, by: hall.staff(2), at: at())
        _ = try await db.apply(.done(.returned), ticket: civil.ticket.id, by: hall.staff(2), at: at())
        _ = try await db.returnDossier(id: dossier.dossier.id, by: hall.staff(2), at: at())
        let absent = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at())
        _ = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: at()))
        _ = try await db.apply(.noShow, ticket: absent.ticket.id, by: hall.staff(1), at: at())
        _ = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: at())
    }
}
