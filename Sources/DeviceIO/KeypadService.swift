public import DeviceProtocols
public import Foundation
public import Logging
public import ServiceLifecycle

/// Reads every keypad the monitor reports and the caller wants, and turns its presses into actions.
///
/// It follows `USBDeviceMonitor.events()`: each matching arrival gets a reader and a decoder of its own; an
/// unplug ends that reader (`.disconnected(_, .noDevice)`), and plugging it back in is a new arrival, so the
/// keypad is re-opened without any retry logic here. Run the monitor itself (`USBDeviceMonitorService`) in the
/// same ServiceGroup. Graceful shutdown or cancellation closes every reader.
public struct KeypadService: Service {
    public let monitor: USBDeviceMonitor
    public let matcher: KeypadMatcher
    public let options: KeypadReaderOptions
    private let shouldOpen: @Sendable (KeypadMatch) -> Bool
    private let onEvent: @Sendable (KeypadServiceEvent) async -> Void
    private let logger: Logger

    /// - Parameters:
    ///   - shouldOpen: whether to claim this keypad. Boot-keyboard profiles match ordinary keyboards too, so
    ///     this is where the admin's device→counter binding belongs (e.g. by `match.device.stableName`).
    ///   - onEvent: called in order per keypad; a slow handler delays only that keypad's later presses.
    public init(
        monitor: USBDeviceMonitor, matcher: KeypadMatcher, options: KeypadReaderOptions = .default,
        logger: Logger = Logger(label: "khongcho.keypad"),
        shouldOpen: @escaping @Sendable (KeypadMatch) -> Bool,
        onEvent: @escaping @Sendable (KeypadServiceEvent) async -> Void
    ) {
        self.monitor = monitor
        self.matcher = matcher
        self.options = options
        self.logger = logger
        self.shouldOpen = shouldOpen
        self.onEvent = onEvent
    }

    public func run() async throws {
        let events = monitor.events()
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for await event in events {
                    guard case .arrived(let device) = event, let match = matcher.match(device), shouldOpen(match)
                    else { continue }
                    group.addTask { await serve(match) }
                }
                group.cancelAll()
            }
        }
    }

    /// One keypad from open to unplug (or shutdown).
    func serve(_ match: KeypadMatch) async {
        let reader: KeypadReader
        do {
            reader = try await KeypadReader.open(match, in: monitor.context, options: options)
        } catch {
            logger.warning("Keypad \(match.device.stableName) (\(match.profile.id)) cannot be opened: \(error)")
            await onEvent(.openFailed(match, error))
            return
        }
        logger.info("Keypad connected: \(match.device.stableName) \(match.summary)")
        await onEvent(.connected(match))
        var decoder = KeypadDecoder(profile: match.profile)
        var ending: USBError?
        do {
            for try await report in reader.reports() {
                for action in decoder.feed(report: report.bytes, at: report.receivedAt) {
                    await onEvent(.action(match, action, at: report.receivedAt))
                }
            }
        } catch let error as USBError {
            ending = error
        } catch {
            ending = USBError(.other, call: "KeypadReader.reports")
        }
        await reader.close()
        logger.info("Keypad disconnected: \(match.device.stableName) \(ending.map { "\($0)" } ?? "(stopped)")")
        await onEvent(.disconnected(match, ending))
    }
}

/// What `KeypadService` reports: keypads coming and going (for `/admin/devices`) and decoded actions.
public enum KeypadServiceEvent: Sendable {
    /// Opened and claimed; reports are being read.
    case connected(KeypadMatch)
    /// A decoded press, stamped with the instant its report arrived.
    case action(KeypadMatch, KeypadAction, at: Date)
    /// Opening failed (e.g. `.access`: the udev rule is missing); retried on the next plug-in.
    case openFailed(KeypadMatch, USBError)
    /// The reader ended: nil when the service stopped, `.noDevice` when the keypad was unplugged.
    case disconnected(KeypadMatch, USBError?)
}
