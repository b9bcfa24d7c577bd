public import DeviceProtocols
public import Foundation
import NIOConcurrencyHelpers

/// The printer of `--devices simulated` and of tests: decodes each job's ESC/POS bytes with the virtual
/// printer and keeps the paper — the last `keptPrintouts` in memory (a day of tickets would otherwise grow
/// the server by about 70 KB each), and every one as `<directory>/<job>.png` when a directory is given.
/// Its sensors can be set (paper out, cover open, silent, not taking bytes) to exercise the kiosk's error
/// paths, in code or through `<directory>/sensors.json`.
public final class VirtualPrinterPort: PrinterPort, Sendable {
    public let id: String
    public let profile: PrinterProfile
    public let directory: URL?
    private let state = NIOLockedValueBox<(sensors: VirtualPrinterSensors, printouts: [VirtualPrinterPrintout])>(
        (VirtualPrinterSensors(), []))

    /// How long a write waits for a printer that does not take the bytes: libusb's bulk timeout.
    public let writeTimeout: Duration
    /// How many of the latest printouts `printouts` holds.
    public let keptPrintouts: Int

    public init(
        id: String = "virtual", profile: PrinterProfile, directory: URL?, writeTimeout: Duration = .seconds(5),
        keptPrintouts: Int = 32
    ) {
        self.id = id
        self.keptPrintouts = max(1, keptPrintouts)
        self.profile = profile
        self.directory = directory
        self.writeTimeout = writeTimeout
        state.withLockedValue { $0.sensors = VirtualPrinterSensors(answersStatus: profile.statusSupported) }
    }

    public var sensors: VirtualPrinterSensors {
        get { state.withLockedValue { $0.sensors } }
        set { state.withLockedValue { $0.sensors = newValue } }
    }

    /// `<directory>/sensors.json`, where an operator sets the simulated printer's sensors while it runs.
    public var sensorFile: URL? { directory?.appendingPathComponent("sensors.json") }

    /// The sensors as they are now: the sensor file's when it exists, else the ones set in code.
    /// An unreadable file is an error the job reports, never a silent default.
    func currentSensors() throws -> VirtualPrinterSensors {
        guard let sensorFile, FileManager.default.fileExists(atPath: sensorFile.path) else { return sensors }
        do {
            return try JSONDecoder().decode(VirtualPrinterSensors.self, from: Data(contentsOf: sensorFile))
        } catch {
            throw VirtualPrinterSensorFileError(path: sensorFile.path, reason: "\(error)")
        }
    }

    /// The latest printouts, oldest first (at most `keptPrintouts`).
    public var printouts: [VirtualPrinterPrintout] { state.withLockedValue { $0.printouts } }

    public func write(_ bytes: [UInt8], job: String) async throws {
        let started = ContinuousClock.now
        while try !currentSensors().takesBytes {
            guard ContinuousClock.now - started < writeTimeout else { throw VirtualPrinterStall(waited: writeTimeout) }
            try await Task.sleep(for: .milliseconds(20))
        }
        // The simulated mechanism's decode and PNG stand for a device's own work: off the request threads.
        let printout = try await PrintLane.shared.run { [profile, directory] in
            let printout = try VirtualPrinter.print(bytes, profile: profile)
            if let directory {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try printout.writePNG(to: directory.appendingPathComponent("\(job).png"))
            }
            return printout
        }
        state.withLockedValue { state in
            state.printouts.append(printout)
            if state.printouts.count > keptPrintouts { state.printouts.removeFirst(state.printouts.count - keptPrintouts) }
        }
    }

    public func status() async throws -> PrinterStatus? {
        guard profile.statusSupported else { return nil }
        let sensors = try currentSensors()
        var replies: [PrinterStatusRequest: UInt8] = [:]
        for request in [PrinterStatusRequest.printer, .offlineCause, .paper] {
            replies[request] = sensors.reply(to: request.rawValue)
        }
        return try PrinterStatus(replies: replies)
    }
}

/// A write to a printer that never took the bytes, as libusb reports a bulk transfer timeout.
public struct VirtualPrinterStall: BilingualError, CustomStringConvertible {
    public let waited: Duration
    public var message: String { "máy in không nhận dữ liệu sau \(seconds) giây (hết thời gian chờ)" }
    public var englishMessage: String { "the printer took no bytes in \(seconds) s (timeout)" }
    var seconds: String {
        String(format: "%g", Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18)
    }
    public var description: String { englishMessage }
}

/// `sensors.json` of the simulated printer could not be read.
public struct VirtualPrinterSensorFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path) is not valid sensor JSON: \(reason)" }
}
