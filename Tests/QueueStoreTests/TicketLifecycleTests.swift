import Foundation
import GRDB
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Ticket lifecycle in the store")
struct TicketLifecycleTests {
    @Test func fullLifeAppendsOneEventPerStep() async throws {
        let hall = try await TestHall()
        let db = hall.database
        let issued = try await db.issueTicket(field: "dat-dai", priority: .none, source: "kiosk-1", at: hall.clock.now())
        hall.clock.advance(minutes: 4)
        let called = try #require(try await db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()))
        #expect(called.ticket.number == "A001")
        #expect(called.counter == 1)
        _ = try await db.apply(.recall, ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        _ = try await db.apply(.serve, ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        hall.clock.advance(minutes: 7)
        let done = try await db.apply(.done(.received), ticket: issued.ticket.id, by: hall.staff(1), at: hall.clock.now())
        #expect(done.ticket.state == .done)
        let ticket = try #require(try await db.ticket(id: issued.ticket.id))
        #expect(ticket.recalls == 1)
        #expect(ticket.outcome == .received)
        #expect(ticket.calledAt.map { $0.timeIntervalSince(ticket.issuedAt) } == 240)
        #expect(ticket.endedAt.map { $0.timeIntervalSince(ticket.servingAt!) } == 420)
        #expect(try await db.events(after: 0).map(\.kind) == [.issued, .called, .recalled, .serving, .done])
    }

    @Test func transferKeepsIssueTimeAndGoesToTheOtherFieldsQueue() async throws {
        let hall = try await TestHall()
        let db = hall.database
        let first = try await db.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        hall.clock.advance(minutes: 10)
        _ = try await db.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        _ = try await db.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        let moved = try await db.apply(.transfer(toField: "ho-tich"), ticket: first.ticket.id, by: hall.staff(1), at: hall.clock.now())
        #expect(moved.ticket.state == .waiting)
        #expect(moved.ticket.field == "ho-tich")
        #expect(moved.ticket.number == "A001")
        // Counter 2 serves both fields; the transferred ticket is older, so it comes first.
        let next = try await db.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
        #expect(next?.ticket.number == "A001")
        #expect(try await db.ticket(id: first.ticket.id)?.issuedAt == first.ticket.issuedAt)
    }

    @Test func wrongStateIsRefusedAndNothingIsWritten() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        let before = try await hall.database.lastEventID()
        await #expect(throws: QueueError.self) {
            try await hall.database.apply(.serve, ticket: issued.ticket.id, by: hall.supervisor, at: hall.clock.now())
        }
        #expect(try await hall.database.lastEventID() == before)
        #expect(try await hall.database.ticket(id: issued.ticket.id)?.state == .waiting)
    }

    @Test func staffActOnlyAtTheirCounter() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        await #expect(throws: QueueError.notYourCounter(2)) {
            try await hall.database.apply(.serve, ticket: issued.ticket.id, by: hall.staff(2), at: hall.clock.now())
        }
        await #expect(throws: QueueError.notYourCounter(2)) {
            try await hall.database.callNext(counter: 1, by: hall.staff(2), at: hall.clock.now())
        }
    }

    @Test func aBusyCounterMustFinishBeforeCallingAgain() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        do {
            _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
            Issue.record("second call must be refused")
        } catch let error as QueueError {
            #expect(error.code == .counterBusy)
            #expect(error.message.contains("A001"))
        }
    }

    @Test func pausedCounterCallsNobody() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        try await hall.database.setPaused(counter: 1, true)
        await #expect(throws: QueueError.self) { try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now()) }
        try await hall.database.setPaused(counter: 1, false)
        #expect(try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())?.ticket.number == "A001")
    }

    @Test func theEventLogIsAppendOnly() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        await #expect(throws: DatabaseError.self) {
            try await hall.database.writer.write { db in try db.execute(sql: "UPDATE event SET kind = 'done'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await hall.database.writer.write { db in try db.execute(sql: "DELETE FROM event") }
        }
        #expect(try await hall.database.events(after: 0).map(\.kind) == [.issued])
    }

    @Test func replayShowsEachEventAsItWas() async throws {
        let hall = try await TestHall()
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
        let replay = try await hall.database.events(after: 0)
        #expect(replay[0] == issued.event)
        #expect(replay[0].ticket.state == .waiting)
        #expect(replay[0].waiting["dat-dai"] == 1)
        #expect(replay[1].ticket.state == .called)
        #expect(replay[1].waiting["dat-dai"] == 0)
    }

    @Test func committedEventsReachListenersInOrder() async throws {
        let hall = try await TestHall()
        let seen = Seen()
        hall.database.onCommittedEvents { events in seen.append(events.map(\.id)) }
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try? await hall.database.issueTicket(field: "nope", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        #expect(seen.ids == [1, 2])
    }
}

final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64] = []
    func append(_ ids: [Int64]) { lock.withLock { values += ids } }
    var ids: [Int64] { lock.withLock { values } }

    @Test func issuedTokensHaveTheShapeThePublicRoutesAccept() async throws {
        let hall = try await TestHall()
        for _ in 0..<20 {
            let issued = try await hall.database.issueTicket(field: "ho-tich", priority: .none, source: nil, at: hall.clock.now())
            #expect(Ticket.isWellFormedToken(issued.ticket.token), "\(issued.ticket.token)")
        }
        #expect(Ticket.isWellFormedToken("0123456789abcdef0123456789abcdef"))
        let zeros = String(repeating: "0", count: Ticket.tokenLength)
        for token in [
            "", "b17", "42", String(zeros.dropLast()), zeros + "0", "A" + zeros.dropFirst(), "g" + zeros.dropFirst(),
            "é" + zeros.dropFirst(2),
        ] {
            #expect(!Ticket.isWellFormedToken(token), "\(token)")
        }
    }
}
