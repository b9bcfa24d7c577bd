import KioskDevices
import KioskPrinting
import KioskUSB

/// A USB printer behind the print queue's `PrinterPort`: raw bulk writes and `DLE EOT` status.
struct USBPrinterPort: PrinterPort {
    let id: String
    let profile: PrinterProfile
    let connection: USBPrinterConnection

    func write(_ bytes: [UInt8], job: String) async throws {
        _ = try await connection.write(bytes)
    }

    func status() async throws -> PrinterStatus? {
        guard profile.statusSupported, connection.endpoints.isBidirectional else { return nil }
        return try PrinterStatus(replies: await connection.statusReplies())
    }
}
