import Dispatch
public import Logging
import Synchronization

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
    let state = Mutex(State())
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
        state.withLock { $0.known.values.sorted { $0.id < $1.id } }
    }

    /// Whether the running loop gets libusb hot-plug callbacks (false: polling).
    public var usesHotplug: Bool { state.withLock { $0.usingHotplug } }

    /// A new stream of events. It starts with `.arrived` for every device already known, then follows the bus;
    /// it finishes when the monitor stops. Each call makes an independent subscriber.
    public func events() -> AsyncStream<USBDeviceEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: USBDeviceEvent.self)
        let token: Int? = state.withLock { state in
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
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: token) }
        }
        return stream
    }

    /// Scans and watches until the task is cancelled or `stop()` is called. Runs once per monitor.
    public func run() async {
        let first = state.withLock { state in
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
        let usingHotplug = state.withLock { state in
            state.stopRequested = true
            return state.usingHotplug
        }
        wakeUp.signal()
        if usingHotplug { context.interruptEventHandler() }
    }
}
