public import DeviceProtocols

/// A USB printer behind the print queue's `PrinterPort`: raw bulk writes and `DLE EOT` status.
public struct USBPrinterPort: PrinterPort {
    public let id: String
    public let profile: PrinterProfile
    public let connection: USBPrinterConnection

    public init(id: String, profile: PrinterProfile, connection: USBPrinterConnection) {
        self.id = id
        self.profile = profile
        self.connection = connection
    }

    public func write(_ bytes: [UInt8], job: String) async throws {
        _ = try await connection.write(bytes)
    }

    public func status() async throws -> PrinterStatus? {
        guard profile.statusSupported, connection.endpoints.isBidirectional else { return nil }
        return try PrinterStatus(replies: await connection.statusReplies())
    }
}
