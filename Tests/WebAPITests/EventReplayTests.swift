import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import NIOCore
import QueueCore
import QueueStore
import Testing

@testable import WebAPI

/// Bounded replay: a reconnecting client gets what it missed only when that is recent; otherwise one
/// `snapshot` (the hall state, exactly as `GET /api/v1/hall` returns it) and then live events.
@Suite("Live stream replay window")
struct EventReplayTests {
    /// One SSE frame: its `id`, `event` and `data` lines.
    struct Frame {
        var id: String?
        var event: String?
        var data: String
    }

    static func frames(_ text: String) -> [Frame] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var frame = Frame(data: "")
            var hasData = false
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { frame.id = String(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { frame.event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") {
                    frame.data = String(line.dropFirst(6))
                    hasData = true
                }
            }
            return hasData ? frame : nil
        }
    }

    /// A hall with `tickets` issued, and a factory of apps with this replay window (one per stream: closing
    /// a broadcaster's streams closes it for good).
    static func hall(window: EventReplayWindow, tickets: Int) async throws -> (TestHall, @Sendable () -> KioskApp) {
        let hall = try await TestHall()
        var settings = hall.settings
        settings.eventReplay = window
        for index in 0..<tickets {
            _ = try await hall.database.issueTicket(
                field: index % 2 == 0 ? "dat-dai" : "ho-tich", priority: .none, source: nil, at: hall.clock.now())
        }
        let configured = settings
        return (hall, { KioskApp(database: hall.database, settings: configured, clock: hall.clock) })
    }

    /// Opens the stream with `headers`/`query`, issues one ticket once the stream listens, and returns the
    /// frames received and the `GET /api/v1/hall` body read just before that call.
    static func stream(
        _ hall: TestHall, _ makeKiosk: @Sendable () -> KioskApp, headers: HTTPFields = [:], query: String = ""
    ) async throws -> (frames: [Frame], hallBody: String) {
        let kiosk = makeKiosk()
        let broadcaster = kiosk.broadcaster
        let box = HallBody()
        try await withAPI(hall, kiosk: kiosk) { client in
            async let response = client.execute(uri: "/api/v1/events\(query)", method: .get, headers: headers)
            try await Self.waitForSubscribers(broadcaster, 1)
            await box.set(String(buffer: try await client.execute(uri: "/api/v1/hall", method: .get).body))
            _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
            try await Task.sleep(for: .milliseconds(200))
            broadcaster.closeAll()
            #expect(try await response.status == .ok)
            // The stream ends with the shutdown notice `closeAll` sends; what matters here is what came before it.
            let frames = Self.frames(String(buffer: try await response.body))
            #expect(frames.last?.event == "shutdown")
            await box.setFrames(frames.filter { $0.event != "shutdown" })
        }
        return (await box.frames, await box.body)
    }

    /// Waits (at most 10 s) until `count` streams listen, then a little more for their backlog to be written.
    static func waitForSubscribers(_ broadcaster: EventBroadcaster, _ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while broadcaster.subscriberCount < count {
            guard ContinuousClock.now < deadline else {
                Issue.record("only \(broadcaster.subscriberCount) of \(count) streams listen")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(100))
    }

    actor HallBody {
        var body = ""
        var frames: [Frame] = []
        func set(_ text: String) { body = text }
        func setFrames(_ list: [Frame]) { frames = list }
    }

    @Test func defaultWindowIsTheLastThousandEventsOrTenMinutes() {
        #expect(EventReplayWindow().events == 1000)
        #expect(EventReplayWindow().age == .seconds(600))
    }

    /// 1,001 events in the store: from id 1 the 1,000 missed are replayed; from id 0 (1,001 missed) a snapshot.
    @Test func replayIsBoundedToTheLastThousandEvents() async throws {
        let (hall, kiosk) = try await Self.hall(window: EventReplayWindow(), tickets: 1001)
        let replayed = try await Self.stream(hall, kiosk, headers: [HTTPField.Name("Last-Event-ID")!: "1"]).frames
        #expect(replayed.filter { $0.event == "ticket" }.map(\.id) == (2...1002).map { String($0) })
        #expect(!replayed.contains { $0.event == "snapshot" })

        let tooOld = try await Self.stream(hall, kiosk, query: "?since=0")
        #expect(tooOld.frames.map(\.event) == ["snapshot", "ticket"])
        #expect(tooOld.frames.first?.id == "1002")
        #expect(tooOld.frames.last?.id == "1003")
    }

    /// The snapshot's data is byte for byte the hall state the REST route returns.
    @Test func snapshotDataIsExactlyTheHallBody() async throws {
        let (hall, kiosk) = try await Self.hall(window: EventReplayWindow(events: 3, age: .seconds(600)), tickets: 6)
        let result = try await Self.stream(hall, kiosk, headers: [HTTPField.Name("Last-Event-ID")!: "1"])
        let snapshot = try #require(result.frames.first)
        #expect(snapshot.event == "snapshot")
        #expect(snapshot.id == "6")
        #expect(snapshot.data == result.hallBody)
        // Then only live events: nothing between the old id and the snapshot is replayed.
        #expect(result.frames.dropFirst().map(\.id) == ["7"])
        #expect(result.frames.dropFirst().map(\.event) == ["ticket"])
    }

    @Test(arguments: ["99", "abc", "-5", ""])
    func unknownIdGetsASnapshot(id: String) async throws {
        let (hall, kiosk) = try await Self.hall(window: EventReplayWindow(), tickets: 3)
        let byHeader = try await Self.stream(hall, kiosk, headers: [HTTPField.Name("Last-Event-ID")!: id]).frames
        #expect(byHeader.map(\.event) == ["snapshot", "ticket"])
        let bySince = try await Self.stream(hall, kiosk, query: "?since=\(id)").frames
        #expect(bySince.first?.event == "snapshot")
    }

    /// Missed events older than the window's age are not replayed, however few.
    @Test func eventsOlderThanTenMinutesAreNotReplayed() async throws {
        let (hall, kiosk) = try await Self.hall(window: EventReplayWindow(), tickets: 3)
        hall.clock.advance(minutes: 9)
        let recent = try await Self.stream(hall, kiosk, headers: [HTTPField.Name("Last-Event-ID")!: "1"]).frames
        #expect(recent.map(\.id) == ["2", "3", "4"])
        hall.clock.advance(minutes: 2)
        let stale = try await Self.stream(hall, kiosk, headers: [HTTPField.Name("Last-Event-ID")!: "2"]).frames
        #expect(stale.map(\.event) == ["snapshot", "ticket"])
        #expect(stale.first?.id == "4")
    }

    /// A client that stops reading is dropped once `bufferLimit` items wait for it: its stream ends after what
    /// it holds, and the others are not held back.
    @Test func aClientTooFarBehindIsDropped() async throws {
        let hall = try await TestHall()
        let hub = HallEventHub(database: hall.database)
        let broadcaster = EventBroadcaster(events: hub, bufferLimit: 3)
        let slow = broadcaster.subscribe()
        let fast = broadcaster.subscribe()
        var fastReceived = 0
        var fastItems = fast.items.makeAsyncIterator()
        for level in 1...5 {
            hub.publish(.rating(RatingThanks(counter: 1, level: min(level, 4), ticket: nil)))
            if level <= 3 {
                _ = await fastItems.next()
                fastReceived += 1
            }
        }
        #expect(broadcaster.droppedCount == 1)
        #expect(broadcaster.subscriberCount == 1)
        var held = 0
        for await _ in slow.items { held += 1 }
        #expect(held == 3)
        _ = await fastItems.next()
        #expect(fastReceived == 3)
        broadcaster.closeAll()
    }
}
