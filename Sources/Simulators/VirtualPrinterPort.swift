public import DeviceProtocols
public import Foundation
import Synchronization

/// The printer of `--devices simulated` and of tests: decodes each job's ESC/POS bytes with the virtual
/// printer and keeps the paper — in memory, and as `<directory>/<job>.png` when a directory is given.
/// Its sensors can be set (paper out, cover open, silent) to exercise the kiosk's error paths.
public final class VirtualPrinterPort: PrinterPort, Sendable {
    public let id: String
    public let profile: PrinterProfile
    public let directory: URL?
    private let state = Mutex<(sensors: VirtualPrinterSensors, printouts: [VirtualPrinterPrintout])>(
        (VirtualPrinterSensors(), []))

    public init(id: String = "virtual", profile: PrinterProfile, directory: URL?) {
        self.id = id
        self.profile = profile
        self.directory = directory
        state.withLock { $0.sensors = VirtualPrinterSensors(answersStatus: profile.statusSupported) }
    }

    public var sensors: VirtualPrinterSensors {
        get { state.withLock { $0.sensors } }
        set { state.withLock { $0.sensors = newValue } }
    }

    public var printouts: [VirtualPrinterPrintout] { state.withLock { $0.printouts } }

    public func write(_ bytes: [UInt8], job: String) async throws {
        let printout = try VirtualPrinter.print(bytes, profile: profile)
        state.withLock { $0.printouts.append(printout) }
        if let directory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try printout.writePNG(to: directory.appendingPathComponent("\(job).png"))
        }
    }

    public func status() async throws -> PrinterStatus? {
        guard profile.statusSupported else { return nil }
        let sensors = self.sensors
        var replies: [PrinterStatusRequest: UInt8] = [:]
        for request in [PrinterStatusRequest.printer, .offlineCause, .paper] {
            replies[request] = sensors.reply(to: request.rawValue)
        }
        return try PrinterStatus(replies: replies)
    }
}
