public import Foundation
public import KioskDevices
import KioskUSB
import Synchronization

/// Where a counter display's bytes go: one raw write per frame.
public protocol DisplayPort: Sendable {
    /// `simulated`, or the tty path.
    var name: String { get }
    var simulated: Bool { get }
    func write(_ bytes: [UInt8]) async throws
}

/// A display without hardware: keeps every frame (the admin page shows the screen text; tests and the
/// benchmark read the bytes and their write instants). `failing` makes it act unplugged.
public final class SimulatedDisplayPort: DisplayPort {
    public struct Write: Sendable {
        public let bytes: [UInt8]
        public let at: ContinuousClock.Instant
    }

    private let state = Mutex<(writes: [Write], failing: Bool)>(([], false))
    let keep: Int

    public init(keep: Int = 64) {
        self.keep = keep
    }

    public var name: String { "simulated" }
    public var simulated: Bool { true }
    public var writes: [Write] { state.withLock { $0.writes } }
    public var lastFrame: [UInt8]? { writes.last?.bytes }

    public func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }

    public func write(_ bytes: [UInt8]) async throws {
        try state.withLock { state in
            if state.failing { throw SerialError.simulatedUnplug }
            state.writes.append(Write(bytes: bytes, at: .now))
            if state.writes.count > keep { state.writes.removeFirst(state.writes.count - keep) }
        }
    }
}

/// A display on a USB-serial adapter (`/dev/ttyUSB0`): opened on first use and again after a failure, so a
/// display that was unplugged is re-driven as soon as it answers. Writes run on the port's own queue: the
/// termios write may block up to its timeout and must not hold a Swift concurrency thread.
public final class SerialDisplayPort: DisplayPort {
    public let path: String
    let settings: DisplaySerialSettings
    let queue: DispatchQueue
    private let port = Mutex<SerialPort?>(nil)

    public init(path: String, settings: DisplaySerialSettings) {
        self.path = path
        self.settings = settings
        queue = DispatchQueue(label: "khongcho.display.\(path)")
    }

    public var name: String { path }
    public var simulated: Bool { false }

    public func write(_ bytes: [UInt8]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { [self] in
                continuation.resume(with: Result { try writeNow(bytes) })
            }
        }
    }

    func writeNow(_ bytes: [UInt8]) throws {
        let open = try port.withLock { port in
            if let port { return port }
            let opened = try SerialPort(path: path, settings: settings)
            port = opened
            return opened
        }
        do {
            try open.write(bytes)
        } catch {
            port.withLock { $0 = nil }
            open.close()
            throw error
        }
    }
}

extension SerialError {
    /// What a simulated display throws while "unplugged".
    static var simulatedUnplug: SerialError { SerialError(.unplugged, call: "write simulated", errno: 5) }
}

/// A display on a raw USB bulk interface, found by VID:PID (`--display usb:VVVV:PPPP=PROFILE@N`).
public struct USBBulkDisplayPort: DisplayPort {
    let link: USBBulkLink

    public init(vendorID: UInt16, productID: UInt16) {
        link = USBBulkLink(vendorID: vendorID, productID: productID)
    }

    public var name: String { link.name }
    public var simulated: Bool { false }
    public func write(_ bytes: [UInt8]) async throws { try await link.write(bytes) }
}
