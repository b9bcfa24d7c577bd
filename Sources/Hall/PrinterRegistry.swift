import DeviceProtocols
import NIOConcurrencyHelpers

/// The printers attached right now and which kiosk prints where. Hot-plug adds and removes printers;
/// a kiosk without its own mapping uses the first printer attached. A kiosk's own choice (its settings
/// screen) wins over `--kiosk-printer`; clearing it goes back to the command line's.
public final class PrinterRegistry: Sendable {
    private let state = NIOLockedValueBox<(printers: [TicketPrinter], kiosks: [String: String], chosen: [String: String])>(
        ([], [:], [:]))

    public init(kioskPrinters: [String: String] = [:]) {
        state.withLockedValue { $0.kiosks = kioskPrinters }
    }

    /// The kiosk at `kiosk` prints on `printer` from now on (`nil`: its configured default again).
    public func assign(_ printer: String?, toKiosk kiosk: String) {
        state.withLockedValue { $0.chosen[kiosk] = printer }
    }

    public func attach(_ printer: TicketPrinter) {
        state.withLockedValue { state in
            state.printers.removeAll { $0.port.id == printer.port.id }
            state.printers.append(printer)
        }
    }

    public func detach(id: String) {
        state.withLockedValue { $0.printers.removeAll { $0.port.id == id } }
    }

    public var printers: [TicketPrinter] { state.withLockedValue { $0.printers } }

    /// Shutdown: every printer finishes the job at hand and starts no other (`TicketPrinter.stop(within:)`), side by
    /// side, in `limit` at most. Answers the jobs left stored as `queued` for the next start.
    public func stopPrinting(within limit: Duration) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for printer in printers { group.addTask { await printer.stop(within: limit) } }
            return await group.reduce(0, +)
        }
    }

    public func printer(id: String) -> TicketPrinter? {
        state.withLockedValue { $0.printers.first { $0.port.id == id } }
    }

    /// The printer for a kiosk address: its configured printer when attached, else the first one.
    public func printer(forKiosk kiosk: String?) -> TicketPrinter? {
        state.withLockedValue { state in
            if let kiosk, let wanted = state.chosen[kiosk] ?? state.kiosks[kiosk] {
                return state.printers.first { $0.port.id == wanted }
            }
            return state.printers.first
        }
    }
}
