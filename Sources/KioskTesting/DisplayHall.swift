import DeviceProtocols
import Foundation
public import Hall
import Logging
import NIOConcurrencyHelpers
import QueueCore
public import Simulators

/// A hall with one simulated 2×20 display per counter, driven by the real store's events.
public struct DisplayHall: Sendable {
    public let hall: TestHall
    public let ports: [Int: SimulatedDisplayPort]
    public let hub: DisplayHub
    public let events: HallEventHub
    public let alerts = AlertInbox()

    public init() async throws {
        hall = try await TestHall()
        let profiles = try DisplayProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/displays"))
        guard let profile = profiles.first(where: { $0.id == "epson-dmd-2x20" }) else { throw HarnessError("no epson-dmd-2x20 profile") }
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
        events = HallEventHub(database: hall.database)
        try await hub.follow(database: hall.database, events: events)
    }

    /// The two text rows the display was last sent, read back from the DM-D frame.
    public func screen(_ counter: Int) throws -> [String] {
        guard let frame = ports[counter]?.lastFrame else { throw HarnessError("display \(counter) was never drawn") }
        return DMDFrameText.rows(frame)
    }

    /// Waits (up to 5 s) until the display on `counter` shows `rows`: the hub applies signals on its own task.
    public func waitFor(_ counter: Int, _ rows: [String]) async throws {
        for _ in 0..<500 where (try? screen(counter)) != rows {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// Collects the alerts a device hub raises.
public final class AlertInbox: Sendable {
    private let alerts = NIOLockedValueBox<[HallAlert]>([])
    public init() {}
    public func append(_ alert: HallAlert) { alerts.withLockedValue { $0.append(alert) } }
    public var ids: [String] { alerts.withLockedValue { $0.map(\.id) } }
}

/// Reads the rows back out of an Epson DM-D frame: `ESC @`, brightness, then per row `US $ 1 y` + text.
public enum DMDFrameText {
    public static func rows(_ frame: [UInt8]) -> [String] {
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

/// A harness set-up step that could not be done (a missing profile, a display never drawn).
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
