import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Ticket lifecycle in the store")
struct TicketLifecycleTests {
    @Test func fullLifeAppendsOneEventPerStep() throws {
        let hall = try TestHall()
        let db = hall.database
        let issued = try db.issueTicket(field: "dat-dai", priority: .none, source: "kiosk-1", at: hall.clock.now())
        hall.clock.advance(minutes: 4)
        let called = try #require(try db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        #expect(called.ticket.number == "A001")
        #expect(called.counter == 1)
        _ = try db.apply(.recall, ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        _ = try db.apply(.serve, ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 7)
        let done = try db.apply(.done(.received), ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        #expect(done.ticket.state == .done)
        let ticket = try #require(try db.ticket(id: issued.ticket.id))
        #expect(ticket.recalls == 1)
        #expect(ticket.outcome == .received)
        #expect(ticket.calledAt.map { $0.timeIntervalSince(ticket.issuedAt) } == 240)
        #expect(ticket.endedAt.map { $0.timeIntervalSince(ticket.servingAt!) } == 420)
        #expect(try db.events(after: 0).map(\.kind) == [.issued, .called, .recalled, .serving, .done])
    }

    @Test func transferKeepsIssueTimeAndGoesToTheOtherFieldsQueue() throws {
        let hall = try TestHall()
        let db = hall.database
        let first = try db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        hall.clock.advance(minutes: 10)
        _ = try db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        _ = try db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        let moved = try db.apply(.transfer(toField: "ho-tich"), ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        #expect(moved.ticket.state == .waiting)
        #expect(moved.ticket.field == "ho-tich")
        #expect(moved.ticket.number == "A001")
        // Counter 2 serves both fields; the transferred ticket is older, so it comes first.
        let next = try db.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
        #expect(next?.ticket.number == "A001")
        #expect(try db.ticket(id: first.ticket.id)?.issuedAt == first.ticket.issuedAt)
    }

    @Test func wrongStateIsRefusedAndNothingIsWritten() throws {
        let hall = try TestHall()
        let issued = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let before = try hall.database.lastEventID()
        #expect(throws: QueueError.self) {
            try hall.database.apply(.serve, ticket: issued.ticket.id, by: hall.supervisor, at: hall.clock.now())
        }
        #expect(try hall.database.lastEventID() == before)
        #expect(try hall.database.ticket(id: issued.ticket.id)?.state == .waiting)
    }

    @Test func staffActOnlyAtTheirCounter() throws {
        let hall = try TestHall()
        let issued = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        #expect(throws: QueueError.notYourCounter(2)) {
            try hall.database.apply(.serve, ticket: issued.ticket.id, by: hall.staff(2), at: hall.clock.now())
        }
        #expect(throws: QueueError.notYourCounter(2)) {
            try hall.database.callNext(counter: 1, by: hall.staff(2), at: hall.clock.now())
        }
    }

    @Test func aBusyCounterMustFinishBeforeCallingAgain() throws {
        let hall = try TestHall()
        _ = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        do {
            _ = try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
            Issue.record("second call must be refused")
        } catch let error as QueueError {
            #expect(error.code == .counterBusy)
            #expect(error.message.contains("A001"))
        }
    }

    @Test func pausedCounterCallsNobody() throws {
        let hall = try TestHall()
        _ = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try hall.database.setPaused(counter: 1, true)
        #expect(throws: QueueError.self) { try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()) }
        try hall.database.setPaused(counter: 1, false)
        #expect(try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())?.ticket.number == "A001")
    }

    @Test func theEventLogIsAppendOnly() throws {
        let hall = try TestHall()
        _ = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(throws: DatabaseError.self) {
            try hall.database.writer.write { db in try db.execute(sql: "UPDATE event SET kind = 'done'") }
        }
        #expect(throws: DatabaseError.self) {
            try hall.database.writer.write { db in try db.execute(sql: "DELETE FROM event") }
        }
        #expect(try hall.database.events(after: 0).map(\.kind) == [.issued])
    }

    @Test func replayShowsEachEventAsItWas() throws {
        let hall = try TestHall()
        let issued = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        let replay = try hall.database.events(after: 0)
        #expect(replay[0] == issued.event)
        #expect(replay[0].ticket.state == .waiting)
        #expect(replay[0].waiting["dat-dai"] == 1)
        #expect(replay[1].ticket.state == .called)
        #expect(replay[1].waiting["dat-dai"] == 0)
    }

    @Test func committedEventsReachListenersInOrder() throws {
        let hall = try TestHall()
        let seen = Seen()
        hall.database.onCommittedEvents { events in seen.append(events.map(\.id)) }
        _ = try hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try? hall.database.issueTicket(field: "nope", priority: .none, source: nil, at: hall.clock.now())
        _ = try hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        #expect(seen.ids == [1, 2])
    }
}

final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64] = []
    func append(_ ids: [Int64]) { lock.withLock { values += ids } }
    var ids: [Int64] { lock.withLock { values } }
}
