import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Testing

@Suite("Keypads act at their counter")
struct KeypadHubTests {
    @Test func callerKeysCallServeAndFinishLikeTheStaffPage() async throws {
        let hall = try await TestHall()
        let hub = try await KeypadHub.simulatedForTests(hall)
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        #expect(try await hub.type("call-1", keys: "1") == ["Gọi A001"])
        #expect(try await hub.type("call-1", keys: "3") == ["A001: serving"])
        #expect(try await hub.type("call-1", keys: "4") == ["A001: done"])
        let events = try await hall.database.events(after: 0)
        #expect(events.map(\.kind) == [.issued, .called, .serving, .done])
        #expect(events.last?.counter == 1)
        #expect(try await hub.type("call-1", keys: "1") == [], "a second 'next' within the 1 s debounce counts once")
        hall.clock.advance(minutes: 0.05)
        #expect(try await hub.type("call-1", keys: "1") == ["Không còn ai chờ"])
    }

    @Test func aRatingKeyStoresARatingAttachedToTheServedTicket() async throws {
        let hall = try await TestHall()
        let hub = try await KeypadHub.simulatedForTests(hall)
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        _ = try await hub.type("call-1", keys: "13")
        #expect(try await hub.type("rate-1", keys: "2") == ["Đánh giá 2 → A001"])
        #expect(try await hub.type("rate-1", keys: "2") == [])
        let ratings = try await hall.database.ratings(from: "2026-03-02", to: "2026-03-02")
        #expect(ratings.map(\.ticket) == ["A001"])
        #expect(ratings.first?.source == .keypad)
        #expect(ratings.first?.device == "rate-1")
    }

    @Test func aSequenceKeypadNeedsEnterAndRatesUnattachedWithoutATicket() async throws {
        let hall = try await TestHall()
        let hub = try await KeypadHub.simulatedForTests(hall)
        #expect(try await hub.type("seq-2", keys: "4") == [])
        #expect(try await hub.type("seq-2", keys: "\n") == ["Đánh giá 4 → chưa gắn phiếu"])
        let ratings = try await hall.database.ratings(from: "2026-03-02", to: "2026-03-02", counter: 2)
        #expect(ratings.map(\.level) == [4])
        #expect(ratings.first?.ticket == nil)
    }

    @Test func realKeypadsAndBadKeysAreRefused() async throws {
        let hall = try await TestHall()
        let hub = try await KeypadHub.simulatedForTests(hall)
        await #expect(throws: DeviceDirectoryError.notSimulated("usb-kp")) { try await hub.type("usb-kp", keys: "1") }
        await #expect(throws: QueueError.self) { try await hub.type("rate-1", keys: "x") }
        await #expect(throws: DeviceDirectoryError.unknownDevice("nope")) { try await hub.type("nope", keys: "1") }
        #expect(await hub.handle(.rating(.pleased), from: "usb-kp", at: hall.clock.now()) == "Bàn phím chưa gán quầy — bỏ qua rating:2")
        #expect(try await hall.database.ratings(from: "2026-01-01", to: "2026-12-31").isEmpty)
    }
}
