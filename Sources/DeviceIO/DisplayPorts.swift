public import DeviceProtocols
import Foundation
import NIOConcurrencyHelpers

/// A display on a USB-serial adapter (`/dev/ttyUSB0`): opened on first use and again after a failure, so a
/// display that was unplugged is re-driven as soon as it answers. Writes run on the port's own queue: the
/// termios write may block up to its timeout and must not hold a Swift concurrency thread.
public final class SerialDisplayPort: DisplayPort {
    public let path: String
    let settings: DisplaySerialSettings
    let queue: DispatchQueue
    private let port = NIOLockedValueBox<SerialPort?>(nil)

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
        let open = try port.withLockedValue { port in
            if let port { return port }
            let opened = try SerialPort(path: path, settings: settings)
            port = opened
            return opened
        }
        do {
            try open.write(bytes)
        } catch {
            port.withLockedValue { $0 = nil }
            open.close()
            throw error
        }
    }
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
