public import DeviceProtocols
import Foundation
import NIOConcurrencyHelpers

/// A display without hardware: keeps every frame (the admin page shows the screen text; tests and the
/// benchmark read the bytes and their write instants). `failing` makes it act unplugged.
public final class SimulatedDisplayPort: DisplayPort {
    /// One frame the display received and when.
    public struct Write: Sendable {
        public let bytes: [UInt8]
        public let at: ContinuousClock.Instant
    }

    private let state = NIOLockedValueBox<(writes: [Write], failing: Bool)>(([], false))
    let keep: Int

    public init(keep: Int = 64) {
        self.keep = keep
    }

    public var name: String { "simulated" }
    public var simulated: Bool { true }
    public var writes: [Write] { state.withLockedValue { $0.writes } }
    public var lastFrame: [UInt8]? { writes.last?.bytes }

    public func setFailing(_ failing: Bool) { state.withLockedValue { $0.failing = failing } }

    public func write(_ bytes: [UInt8]) async throws {
        try state.withLockedValue { state in
            if state.failing { throw SimulatedUnplug() }
            state.writes.append(Write(bytes: bytes, at: .now))
            if state.writes.count > keep { state.writes.removeFirst(state.writes.count - keep) }
        }
    }
}

/// What a simulated device throws while "unplugged" (the admin page and tests unplug it on purpose).
public struct SimulatedUnplug: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "thiết bị mô phỏng đã rút / simulated device unplugged" }
}
