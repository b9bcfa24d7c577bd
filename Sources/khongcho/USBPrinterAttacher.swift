import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import Logging
import QueueCore
import QueueStore
import ServiceLifecycle

/// Follows USB hot-plug: a printer that arrives is opened and joins the registry (within the monitor's
/// ≤ 1 s scan, or at once with libusb hot-plug); one that leaves is removed, so the kiosk reports
/// "no printer" instead of blocking. In `auto` mode the simulated printer stands in until a real one
/// appears, and then steps aside for good (falling back silently would hide an unplugged printer).
struct USBPrinterAttacher: Service {
    let monitor: USBDeviceMonitor
    let matcher: PrinterMatcher
    let registry: PrinterRegistry
    let makePrinter: @Sendable (any PrinterPort) -> TicketPrinter
    let simulatedID: String?
    let logger: Logger

    func run() async throws {
        let events = monitor.events()
        let monitorTask = Task { await monitor.run() }
        defer { monitor.stop() }
        await cancelWhenGracefulShutdown {
            for await event in events {
                await handle(event)
            }
        }
        monitor.stop()
        _ = await monitorTask.value
    }

    func handle(_ event: USBDeviceEvent) async {
        switch event {
        case .arrived(let device):
            guard let match = matcher.match(device), let profile = match.profile ?? fallbackProfile(for: match) else { return }
            do {
                let connection = try await USBPrinterConnection.open(match, in: monitor.context)
                let port = USBPrinterPort(id: device.stableName, profile: profile, connection: connection)
                if let simulatedID { registry.detach(id: simulatedID) }
                registry.attach(makePrinter(port))
                logger.info("Printer attached", metadata: ["printer": "\(device.stableName)", "profile": "\(profile.id)"])
            } catch {
                logger.error("Printer found but not usable", metadata: ["device": "\(device)", "error": "\(error)"])
            }
        case .left(let device):
            guard let printer = registry.printers.first(where: { $0.port.id == device.stableName }) else { return }
            registry.detach(id: device.stableName)
            if let port = printer.port as? USBPrinterPort { await port.connection.close() }
            logger.warning("Printer unplugged", metadata: ["printer": "\(device.stableName)"])
        }
    }

    /// A class-7 printer without its own profile is driven as a generic 58 mm printer.
    func fallbackProfile(for match: PrinterMatch) -> PrinterProfile? {
        matcher.profiles.first { $0.id == "generic-58mm" } ?? matcher.profiles.first
    }
}
