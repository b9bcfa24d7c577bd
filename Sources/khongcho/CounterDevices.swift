import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import Logging
import QueueCore
import QueueStore
import ServiceLifecycle
import Simulators
import WebAPI

/// Counter displays and keypads for `serve`: simulated ones (one 2×20 display and one rating keypad per
/// counter, an LED board and a caller keypad on counter 1) unless `--devices none`; serial displays from
/// `--display PATH=PROFILE@COUNTER`; USB keypads found on the bus in `auto` mode.
struct CounterDevices {
    let database: AppDatabase
    let events: HallEventHub
    let alerts: AlertMonitor
    let clock: any WallClock
    let logger: Logger
    let devicesDirectory: URL

    struct Built {
        let directory: HallDevices
        let services: [any Service]
    }

    /// `usb`: the bus watcher shared with the printers (the printer attacher runs it).
    func build(
        mode: Serve.DeviceMode, serialDisplays: [String], hidKeypads: Serve.HIDKeypads, printers: PrinterRegistry?,
        usb: USBDeviceMonitor?, testPage: (@Sendable (PrinterProfile) throws -> [UInt8])? = nil
    ) async throws -> Built {
        let displayProfiles = try DisplayProfiles.load(directory: devicesDirectory.appendingPathComponent("displays"))
        let keypadProfiles = try KeypadProfiles.load(directory: devicesDirectory.appendingPathComponent("keypads"))
        let counters = try await database.catalog().counters.map(\.number)
        var displays = try serialDisplays.map { try SerialDisplayOption.parse($0, profiles: displayProfiles) }
        if mode != .none { displays += try simulatedDisplays(counters: counters, profiles: displayProfiles) }
        let hub = DisplayHub(
            displays: displays, bindings: try await database.deviceBindings(), clock: clock, logger: logger,
            alert: { [alerts] in alerts.raise($0) })
        try await hub.follow(database: database, events: events)
        let keypads = KeypadHub(
            ratings: RatingDesk(database: database, policy: RatingPolicy(), events: events), clock: clock, logger: logger)
        if mode != .none { try await addSimulatedKeypads(keypads, counters: counters, profiles: keypadProfiles) }
        var services: [any Service] = [hub]
        if let usb, hidKeypads != .off { services.append(usbKeypads(keypads, profiles: keypadProfiles, policy: hidKeypads, monitor: usb)) }
        logger.info(
            "Counter devices: \(displays.count) displays (\(displays.filter { $0.port.simulated }.count) simulated); see /admin/devices")
        return Built(
            directory: HallDevices(
                database: database, displays: hub, keypads: keypads, printers: printers, clock: clock, testPage: testPage),
            services: services)
    }

    func simulatedDisplays(counters: [Int], profiles: [DisplayProfile]) throws -> [CounterDisplay] {
        guard let vfd = profiles.first(where: { $0.id == "epson-dmd-2x20" }) else { return [] }
        var displays = try counters.map {
            try CounterDisplay(id: "sim-display-\($0)", profile: vfd, port: SimulatedDisplayPort(), defaultCounter: $0)
        }
        if let led = profiles.first(where: { $0.id == "led-stx-etx-xor" }), let first = counters.first {
            displays.append(try CounterDisplay(id: "sim-led-\(first)", profile: led, port: SimulatedDisplayPort(), defaultCounter: first))
        }
        return displays
    }

    func addSimulatedKeypads(_ hub: KeypadHub, counters: [Int], profiles: [KeypadProfile]) async throws {
        if let rating = profiles.first(where: { $0.id == "rating-4key" }) {
            for counter in counters {
                await hub.attach(id: "sim-rating-\(counter)", profile: rating, counter: counter, port: "simulated", simulated: true)
            }
        }
        if let caller = profiles.first(where: { $0.id == "caller-6key" }), let first = counters.first {
            await hub.attach(id: "sim-caller-\(first)", profile: caller, counter: first, port: "simulated", simulated: true)
        }
    }

    /// USB HID keypads: those whose VID:PID a profile lists; boot keyboards matched only by class are
    /// claimed with `--hid-keypads all` (claiming detaches the kernel driver, so an ordinary keyboard on
    /// the box would stop typing).
    func usbKeypads(_ hub: KeypadHub, profiles: [KeypadProfile], policy: Serve.HIDKeypads, monitor: USBDeviceMonitor) -> any Service {
        KeypadService(
            monitor: monitor, matcher: KeypadMatcher(profiles: profiles), logger: logger,
            shouldOpen: { match in policy == .all || match.reason == .vendorProduct },
            onEvent: { [clock] event in await Self.handle(event, hub: hub, clock: clock) })
    }

    /// A press is recorded at the hall's time (the training clock with `--now`), not the reader's wall clock.
    static func handle(_ event: KeypadServiceEvent, hub: KeypadHub, clock: any WallClock) async {
        switch event {
        case .connected(let match):
            await hub.attach(
                id: match.device.stableName, profile: match.profile, counter: nil, port: "usb \(match.device.portName)", simulated: false)
        case .action(let match, let action, _):
            await hub.handle(action, from: match.device.stableName, at: clock.now())
        case .openFailed(let match, let error):
            await hub.attach(
                id: match.device.stableName, profile: match.profile, counter: nil, port: "usb \(match.device.portName)", simulated: false)
            await hub.failed(id: match.device.stableName, reason: (error.message, error.englishMessage))
        case .disconnected(let match, let error):
            await hub.detach(
                id: match.device.stableName,
                reason: error == nil ? ("Đã dừng", "Stopped") : ("Đã rút ra; sẽ mở lại khi cắm vào", "Unplugged; reopened when plugged in"))
        }
    }
}

/// `--display /dev/ttyUSB0=epson-dmd-2x20@3` (serial) or `--display usb:0416:5011=epson-dmd-2x20@3` (USB
/// bulk): a counter display, its profile and its counter.
enum SerialDisplayOption {
    static func parse(_ text: String, profiles: [DisplayProfile]) throws -> CounterDisplay {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let right = parts.count == 2 ? parts[1].split(separator: "@", maxSplits: 1).map(String.init) : []
        guard parts.count == 2, let profileID = right.first, let profile = profiles.first(where: { $0.id == profileID }) else {
            throw failure(text, profiles)
        }
        let counter = right.count == 2 ? Int(right[1]) : nil
        if parts[0].hasPrefix("/dev/") {
            return try CounterDisplay(
                id: "serial-\(parts[0].split(separator: "/").last ?? "tty")", profile: profile,
                port: SerialDisplayPort(path: parts[0], settings: profile.serial), defaultCounter: counter)
        }
        let usb = parts[0].split(separator: ":").map(String.init)
        guard usb.count == 3, usb[0] == "usb", let vendor = UInt16(usb[1], radix: 16), let product = UInt16(usb[2], radix: 16) else {
            throw failure(text, profiles)
        }
        return try CounterDisplay(
            id: "usb-display-\(usb[1]):\(usb[2])", profile: profile, port: USBBulkDisplayPort(vendorID: vendor, productID: product),
            defaultCounter: counter)
    }

    static func failure(_ text: String, _ profiles: [DisplayProfile]) -> ValidationFailure {
        ValidationFailure(
            "--display “\(text)”: cần dạng /dev/ttyUSB0=HỒ_SƠ@QUẦY hoặc usb:VID:PID=HỒ_SƠ@QUẦY, hồ sơ trong devices/displays (\(profiles.map(\.id).joined(separator: ", "))) / expected PATH=PROFILE@COUNTER or usb:VID:PID=PROFILE@COUNTER"
        )
    }
}
