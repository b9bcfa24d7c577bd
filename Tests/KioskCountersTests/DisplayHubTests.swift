import Foundation
import KioskCounters
import KioskDevices
import KioskServer
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Synchronization
import Testing

/// A hall with one simulated 2×20 display per counter, driven by the real store's events.
struct DisplayHall {
    let hall: TestHall
    let ports: [Int: SimulatedDisplayPort]
    let hub: DisplayHub
    let broadcaster: EventBroadcaster
    let alerts = AlertInbox()

    init() async throws {
        hall = try await TestHall()
        let profile = try #require(
            try DisplayProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/displays"))
                .first { $0.id == "epson-dmd-2x20" })
        var ports: [Int: SimulatedDisplayPort] = [:]
        var displays: [CounterDisplay] = []
        for counter in [1, 2] {
            let port = SimulatedDisplayPort()
            ports[counter] = port
            displays.append(try CounterDisplay(id: "d\(counter)", profile: profile, port: port, defaultCounter: counter))
        }
        self.ports = ports
        let alerts = self.alerts
        hub = DisplayHub(
            displays: displays, bindings: [:], clock: hall.clock, logger: Logger(label: "test"),
            alert: { alert in alerts.append(alert) })
        broadcaster = EventBroadcaster(database: hall.database)
        try await hub.follow(database: hall.database, broadcaster: broadcaster)
    }

    /// The two text rows the display was last sent, read back from the DM-D frame.
    func screen(_ counter: Int) throws -> [String] {
        let frame = try #require(ports[counter]?.lastFrame)
        return DMDFrameText.rows(frame)
    }

    /// Waits (up to 5 s) until the display on `counter` shows `rows`: the hub applies signals on its own task.
    func waitFor(_ counter: Int, _ rows: [String]) async throws {
        for _ in 0..<500 where (try? screen(counter)) != rows {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

final class AlertInbox: Sendable {
    private let alerts = Mutex<[HallAlert]>([])
    func append(_ alert: HallAlert) { alerts.withLock { $0.append(alert) } }
    var ids: [String] { alerts.withLock { $0.map(\.id) } }
}

/// Reads the rows back out of an Epson DM-D frame: `ESC @`, brightness, then per row `US $ 1 y` + text.
enum DMDFrameText {
    static func rows(_ frame: [UInt8]) -> [String] {
        var rows: [String] = []
        var index = 0
        while index + 4 <= frame.count {
            if frame[index] == 0x1F, frame[index + 1] == 0x24 {
                index += 4
                var text: [UInt8] = []
                while index < frame.count, frame[index] >= 0x20 {
                    text.append(frame[index])
                    index += 1
                }
                rows.append(String(decoding: text, as: UTF8.self))
            } else {
                index += 1
            }
        }
        return rows
    }
}

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
