import CLibUSB
import Dispatch
public import Logging
import NIOConcurrencyHelpers
public import ServiceLifecycle

/// Watches the bus and tells subscribers which devices arrived and left, so a printer plugged in after start
/// is picked up within a couple of seconds and an unplugged one is marked offline instead of crashing anything.
///
/// The loop runs on its own dispatch thread because `libusb_handle_events` and enumeration block. Start it
/// with `run()` (or `USBDeviceMonitorService` under a ServiceGroup); stop it by cancelling that task or
/// calling `stop()`.
public final class USBDeviceMonitor: Sendable {
    public let context: USBContext
    public let mode: USBMonitorMode
    /// At most one second, so polling alone meets the two-second pick-up goal.
    public let pollInterval: Duration
    let readStrings: Bool
    let logger: Logger
    let state = NIOLockedValueBox(State())
    let wakeUp = DispatchSemaphore(value: 0)
    private let thread = DispatchQueue(label: "khongcho.usb.monitor")

    struct State {
        var known: [USBDeviceID: USBDeviceInfo] = [:]
        var subscribers: [Int: AsyncStream<USBDeviceEvent>.Continuation] = [:]
        var nextToken = 0
        var stopRequested = false
        var started = false
        var finished = false
        var usingHotplug = false
    }

    public init(
        context: USBContext, mode: USBMonitorMode = .automatic, pollInterval: Duration = .seconds(1),
        readStrings: Bool = true, logger: Logger = Logger(label: "khongcho.usb")
    ) {
        self.context = context
        self.mode = mode
        self.pollInterval = min(max(pollInterval, .milliseconds(50)), .seconds(1))
        self.readStrings = readStrings
        self.logger = logger
    }

    /// The devices attached as of the last scan, in bus order (for `khongcho devices` and status pages).
    public var devices: [USBDeviceInfo] {
        state.withLockedValue { $0.known.values.sorted { $0.id < $1.id } }
    }

    /// Whether the running loop gets libusb hot-plug callbacks (false: polling).
    public var usesHotplug: Bool { state.withLockedValue { $0.usingHotplug } }

    /// A new stream of events. It starts with `.arrived` for every device already known, then follows the bus;
    /// it finishes when the monitor stops. Each call makes an independent subscriber.
    public func events() -> AsyncStream<USBDeviceEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: USBDeviceEvent.self)
        let token: Int? = state.withLockedValue { state in
            guard !state.finished else { return nil }
            for device in state.known.values.sorted(by: { $0.id < $1.id }) { continuation.yield(.arrived(device)) }
            let token = state.nextToken
            state.nextToken += 1
            state.subscribers[token] = continuation
            return token
        }
        guard let token else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLockedValue { $0.subscribers.removeValue(forKey: token) }
        }
        return stream
    }

    /// Scans and watches until the task is cancelled or `stop()` is called. Runs once per monitor.
    public func run() async {
        let first = state.withLockedValue { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else {
            logger.warning("USBDeviceMonitor.run() called twice; the second call returns at once")
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                thread.async {
                    self.loop()
                    done.resume()
                }
            }
        } onCancel: {
            stop()
        }
    }

    /// Asks the loop to end; `run()` returns within a moment. Safe from any thread, any number of times.
    public func stop() {
        let usingHotplug = state.withLockedValue { state in
            state.stopRequested = true
            return state.usingHotplug
        }
        wakeUp.signal()
        if usingHotplug { context.interruptEventHandler() }
    }
}

extension USBDeviceMonitor {
    /// The blocking loop, on the monitor's own thread.
    func loop() {
        let hotplug = startHotplug()
        rescan()
        var nextScan = ContinuousClock.now + pollInterval
        while !state.withLockedValue({ $0.stopRequested }) {
            if let hotplug {
                context.handleEvents(timeout: min(pollInterval, nextScan - .now))
                if hotplug.takeChanged() {
                    rescan()
                    nextScan = .now + pollInterval
                }
            } else {
                _ = wakeUp.wait(timeout: .now() + .milliseconds(Int((nextScan - .now).libusbMilliseconds)))
            }
            if ContinuousClock.now >= nextScan {
                rescan()
                nextScan = .now + pollInterval
            }
        }
        hotplug?.deregister(from: context)
        finish()
    }

    private func startHotplug() -> USBHotplugRegistration? {
        guard mode == .automatic, context.supportsHotplug else {
            logger.info("USB monitor: polling every \(pollInterval)")
            return nil
        }
        let registration = USBHotplugRegistration()
        do {
            try registration.register(in: context)
        } catch {
            logger.warning("USB monitor: hot-plug unavailable, polling instead: \(error)")
            return nil
        }
        state.withLockedValue { $0.usingHotplug = true }
        logger.info("USB monitor: libusb hot-plug callbacks, rescan every \(pollInterval)")
        return registration
    }

    /// Enumerates, diffs against what was known, reads strings of new devices, and tells subscribers.
    func rescan() {
        let diff: USBDeviceDiff
        do {
            diff = try context.withDeviceList { devices throws(USBError) in
                let infos = devices.compactMap { device in USBDescriptorReader.info(for: device).map { (device, $0) } }
                let known = state.withLockedValue { $0.known }
                var diff = USBDeviceDiff.between(known, infos.map(\.1))
                if readStrings {
                    diff.arrived = diff.arrived.map { arrived in
                        guard let pair = infos.first(where: { $0.1.id == arrived.id }) else { return arrived }
                        return USBDescriptorReader.withStrings(arrived, device: pair.0)
                    }
                }
                return diff
            }
        } catch {
            logger.error("USB monitor: cannot enumerate devices: \(error)")
            return
        }
        guard !diff.isEmpty else { return }
        publish(diff)
    }

    private func publish(_ diff: USBDeviceDiff) {
        for device in diff.left { logger.info("USB device left: \(device)") }
        for device in diff.arrived { logger.info("USB device arrived: \(device)") }
        state.withLockedValue { state in
            for device in diff.left {
                state.known.removeValue(forKey: device.id)
                for subscriber in state.subscribers.values { subscriber.yield(.left(device)) }
            }
            for device in diff.arrived {
                state.known[device.id] = device
                for subscriber in state.subscribers.values { subscriber.yield(.arrived(device)) }
            }
        }
    }

    /// Ends every stream. `finish()` runs outside the lock because it calls the streams' termination
    /// handlers, which take the lock themselves.
    private func finish() {
        let subscribers = state.withLockedValue { state in
            state.finished = true
            state.usingHotplug = false
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}

/// How `USBDeviceMonitor` notices changes.
public enum USBMonitorMode: String, Sendable {
    /// libusb hot-plug callbacks when `libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)`, polling otherwise.
    /// A periodic rescan runs in both cases, so a missed callback costs at most one poll interval.
    case automatic
    /// Enumerate every poll interval only, for platforms (or sandboxes) where callbacks do not arrive.
    case polling
}

/// A change on the bus, as seen by `USBDeviceMonitor`.
public enum USBDeviceEvent: Hashable, Sendable {
    /// A device appeared (or was already there when the stream was opened).
    case arrived(USBDeviceInfo)
    /// A device disappeared; anything open on it now fails with `USBError.Code.noDevice`.
    case left(USBDeviceInfo)

    public var device: USBDeviceInfo {
        switch self {
        case .arrived(let device), .left(let device): device
        }
    }
}

/// Runs a `USBDeviceMonitor` inside a ServiceGroup: it stops on graceful shutdown (SIGTERM) as well as on
/// cancellation, so the process never waits on a blocked USB call to exit.
public struct USBDeviceMonitorService: Service {
    public let monitor: USBDeviceMonitor

    public init(monitor: USBDeviceMonitor) {
        self.monitor = monitor
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await monitor.run()
        } onGracefulShutdown: {
            monitor.stop()
        }
    }
}

/// What changed between two enumerations. Pure, so the hot-plug bookkeeping is testable without a bus.
struct USBDeviceDiff: Equatable {
    var left: [USBDeviceInfo] = []
    var arrived: [USBDeviceInfo] = []

    var isEmpty: Bool { left.isEmpty && arrived.isEmpty }

    /// A device counts as the same one when its address, port and ids are unchanged; anything else (a replug
    /// gets a new address) is a departure plus an arrival. Strings are ignored: they are read after the diff.
    static func between(_ old: [USBDeviceID: USBDeviceInfo], _ new: [USBDeviceInfo]) -> USBDeviceDiff {
        var diff = USBDeviceDiff()
        var seen = Set<USBDeviceID>()
        for device in new.sorted(by: { $0.id < $1.id }) {
            seen.insert(device.id)
            if let previous = old[device.id] {
                if sameDevice(previous, device) { continue }
                diff.left.append(previous)
            }
            diff.arrived.append(device)
        }
        let gone = old.filter { !seen.contains($0.key) }.values.sorted { $0.id < $1.id }
        diff.left.insert(contentsOf: gone, at: 0)
        return diff
    }

    static func sameDevice(_ a: USBDeviceInfo, _ b: USBDeviceInfo) -> Bool {
        a.id == b.id && a.vendorID == b.vendorID && a.productID == b.productID && a.portPath == b.portPath
    }
}
