import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Simulators
import Synchronization
import Testing

@Suite("Counter displays follow the hall")
struct DisplayHubTests {
    @Test func aCallShowsTheNumberAndTheEndClearsIt() async throws {
        let hall = try await DisplayHall()
        let task = Task { try await hall.hub.run() }
        defer { task.cancel() }
        #expect(try hall.screen(1) == ["Quay 1              ", "                    "])
        _ = try await hall.hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.hall.clock.now())
        let called = try #require(try await hall.hall.database.callNext(counter: 1, by: hall.hall.staff(1), at: hall.hall.clock.now()))
        try await hall.waitFor(1, ["Quay 1          A001", "Moi so A001         "])
        #expect(try hall.screen(1) == ["Quay 1          A001", "Moi so A001         "])
        #expect(try hall.screen(2) == ["Quay 2              ", "                    "])
        _ = try await hall.hall.database.apply(.noShow, ticket: called.ticket.id, by: hall.hall.staff(1), at: hall.hall.clock.now())
        try await hall.waitFor(1, ["Quay 1              ", "                    "])
        #expect(try hall.screen(1) == ["Quay 1              ", "                    "])
    }

    @Test func pauseAndThanksAreShownThenTheThanksRunOut() async throws {
        let hall = try await DisplayHall()
        await hall.hub.apply(.paused(counter: 2, true))
        #expect(try hall.screen(2) == ["Quay 2              ", "Tam dung            "])
        await hall.hub.apply(.paused(counter: 2, false))
        await hall.hub.apply(.thanks(counter: 2))
        #expect(try hall.screen(2) == ["Quay 2              ", "Cam on quy khach    "])
        await hall.hub.tick()
        #expect(try hall.screen(2) == ["Quay 2              ", "Cam on quy khach    "])
        hall.hall.clock.advance(minutes: 1)
        await hall.hub.tick()
        #expect(try hall.screen(2) == ["Quay 2              ", "                    "])
    }

    @Test func anUnpluggedDisplayIsReportedOnceAndRedrawnWhenBack() async throws {
        let hall = try await DisplayHall()
        let port = try #require(hall.ports[1])
        port.setFailing(true)
        _ = try await hall.hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.hall.clock.now())
        let called = try #require(try await hall.hall.database.callNext(counter: 1, by: hall.hall.staff(1), at: hall.hall.clock.now()))
        await hall.hub.apply(.ticket(called))
        await hall.hub.apply(.ticket(called))
        #expect(hall.alerts.ids == ["device:d1"])
        #expect(await hall.hub.infos.first?.status == .offline)
        port.setFailing(false)
        await hall.hub.tick()
        #expect(try hall.screen(1) == ["Quay 1          A001", "Moi so A001         "])
        #expect(await hall.hub.infos.first?.status == .ok)
    }

    @Test func rebindingMovesTheDisplayToAnotherCounter() async throws {
        let hall = try await DisplayHall()
        await hall.hub.bind("d1", counter: 2)
        #expect(try hall.screen(1) == ["Quay 2              ", "                    "])
        await hall.hub.bind("d1", counter: nil)
        #expect(hall.ports[1]?.lastFrame == [0x0C])
    }
}
