import Foundation

/// Where a counter display's bytes go: one raw write per frame.
public protocol DisplayPort: Sendable {
    /// `simulated`, or the tty path.
    var name: String { get }
    var simulated: Bool { get }
    func write(_ bytes: [UInt8]) async throws
}

/// One printer as the print queue sees it: a raw-write primitive and a status query. USB printers, the
/// virtual printer of `--devices simulated` and test fakes all implement it.
public protocol PrinterPort: Sendable {
    /// Stable name used in logs, print jobs and the kiosk→printer mapping, e.g. "usb-0416:5011-1-4".
    var id: String { get }
    var profile: PrinterProfile { get }
    /// Sends a whole job; `job` names it (e.g. "2026-03-02-A012") for printers that keep copies.
    func write(_ bytes: [UInt8], job: String) async throws
    /// The printer's state, or `nil` when its profile says it cannot report one.
    func status() async throws -> PrinterStatus?
}
