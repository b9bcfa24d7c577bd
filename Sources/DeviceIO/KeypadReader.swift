import CLibUSB
import DeviceProtocols
public import Foundation
import Synchronization

/// A claimed keypad whose interrupt IN endpoint is read in a loop: reports come out of `reports()`.
///
/// The loop is a blocking `libusb_interrupt_transfer` with a short timeout on this reader's own serial
/// queue (never the cooperative pool), checking a stop flag between reads. The stream ends when the reader
/// is closed (normally) or with a `USBError` — `.noDevice` when the keypad was unplugged — and either way
/// the interface has been released by then. One stream per reader; a new connection is a new reader.
public final class KeypadReader: @unchecked Sendable {
    public let device: USBDeviceInfo
    public let endpoint: KeypadEndpoint
    public let options: KeypadReaderOptions
    private let queue: USBBlockingQueue
    /// Touched only on `queue` (and in `deinit`); this is what makes the `@unchecked Sendable` sound.
    private var handle: KeypadDeviceHandle?
    private let context: USBContext
    private let stopRequested = Atomic<Bool>(false)
    private let streamStarted = Atomic<Bool>(false)

    private init(context: USBContext, device: USBDeviceInfo, endpoint: KeypadEndpoint, options: KeypadReaderOptions) {
        self.context = context
        self.device = device
        self.endpoint = endpoint
        self.options = options
        queue = USBBlockingQueue(label: "khongcho.usb.keypad.\(device.id)")
    }

    /// Opens `device`, detaches `usbhid` and claims the HID interface.
    /// - Parameter endpoint: from `KeypadMatch.endpoint`; found from the descriptor when nil.
    public static func open(
        _ device: USBDeviceInfo, in context: USBContext, endpoint: KeypadEndpoint? = nil,
        options: KeypadReaderOptions = .default
    ) async throws(USBError) -> KeypadReader {
        let chosen: KeypadEndpoint
        if let endpoint { chosen = endpoint } else { chosen = try KeypadEndpoint.select(from: device) }
        let reader = KeypadReader(context: context, device: device, endpoint: chosen, options: options)
        try await reader.queue.run { () throws(USBError) in
            reader.handle = try KeypadDeviceHandle(
                context: context, device: device, endpoint: chosen, setBootProtocol: options.setBootProtocol)
        }
        return reader
    }

    /// Opens a matched keypad with the endpoint the matcher found.
    public static func open(
        _ match: KeypadMatch, in context: USBContext, options: KeypadReaderOptions = .default
    ) async throws(USBError) -> KeypadReader {
        guard let endpoint = match.endpoint else {
            throw USBError(.notFound, call: "KeypadReader.open(\(match.summary))")
        }
        return try await open(match.device, in: context, endpoint: endpoint, options: options)
    }

    /// Starts the read loop and returns its reports. Errors thrown by the stream are always `USBError`.
    /// Calling it a second time returns a stream that fails at once with `.invalidParameter`. Cancelling the
    /// task that iterates the stream stops the loop and closes the reader.
    public func reports() -> AsyncThrowingStream<KeypadReport, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: KeypadReport.self)
        guard !streamStarted.exchange(true, ordering: .acquiringAndReleasing) else {
            continuation.finish(throwing: USBError(.invalidParameter, call: "KeypadReader.reports() called twice"))
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.stopRequested.store(true, ordering: .releasing) }
        Task.detached { [self] in
            do {
                try await queue.run { () throws(USBError) in self.readLoop(continuation) }
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return stream
    }

    /// Stops the loop, releases the interface and closes the device; returns once that is done.
    /// Safe to call more than once, before `reports()`, and after an unplug.
    public func close() async {
        stopRequested.store(true, ordering: .releasing)
        _ = try? await queue.run { () throws(USBError) in
            self.handle?.close()
            self.handle = nil
        }
    }

    /// Whether the interface is released (closed, failed to open, or the stream has ended).
    public var isClosed: Bool {
        get async { (try? await queue.run { () throws(USBError) -> Bool in self.handle?.pointer == nil }) ?? true }
    }

    deinit {
        handle?.close()
    }

    /// The blocking loop, on `queue`. Ends the stream and closes the handle whatever the reason it stops.
    private func readLoop(_ continuation: AsyncThrowingStream<KeypadReport, any Error>.Continuation) {
        let call = "libusb_interrupt_transfer(IN 0x\(USBDeviceInfo.hex2(endpoint.inAddress)))"
        var buffer = [UInt8](repeating: 0, count: max(HIDBootReport.length, Int(endpoint.maxPacketSize)))
        var clearedStall = false
        var failure: USBError?
        while !stopRequested.load(ordering: .acquiring) {
            guard let handle, handle.pointer != nil else {
                failure = USBError(.closed, call: call)
                break
            }
            let (result, count) = buffer.withUnsafeMutableBufferPointer {
                handle.interrupt($0, timeout: options.readTimeout)
            }
            if result == 0 {
                clearedStall = false
                if count > 0 {
                    continuation.yield(KeypadReport(bytes: Array(buffer.prefix(count)), receivedAt: Date()))
                }
                continue
            }
            if result == LIBUSB_ERROR_TIMEOUT.rawValue || result == LIBUSB_ERROR_INTERRUPTED.rawValue { continue }
            if result == LIBUSB_ERROR_PIPE.rawValue && !clearedStall {
                // A stalled endpoint is cleared once (not reset); a second stall in a row ends the stream.
                clearedStall = true
                if handle.clearHalt() == 0 { continue }
            }
            failure = USBError(libusbCode: result, call: call)
            break
        }
        handle?.close()
        handle = nil
        if let failure { continuation.finish(throwing: failure) } else { continuation.finish() }
    }
}

/// One input report as read from a keypad's interrupt endpoint, stamped when the transfer completed, which
/// is the instant the decoder's debounce and sequence timeout reason about.
public struct KeypadReport: Hashable, Sendable {
    public let bytes: [UInt8]
    public let receivedAt: Date

    public init(bytes: [UInt8], receivedAt: Date) {
        self.bytes = bytes
        self.receivedAt = receivedAt
    }
}

/// Timeouts for one keypad reader.
public struct KeypadReaderOptions: Sendable, Equatable {
    /// Per blocking interrupt read. A timeout just means nobody pressed anything; it is also how often the
    /// loop looks at its stop flag, so it bounds how long `close()` waits.
    public var readTimeout: Duration
    /// Send SET_PROTOCOL(boot) after claiming a boot interface, so the keypad sends 8-byte boot reports even
    /// if its report descriptor says otherwise. Devices that refuse it are read anyway.
    public var setBootProtocol: Bool

    public init(readTimeout: Duration = .milliseconds(100), setBootProtocol: Bool = true) {
        self.readTimeout = readTimeout
        self.setBootProtocol = setBootProtocol
    }

    public static let `default` = KeypadReaderOptions()
}
