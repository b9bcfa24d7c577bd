public import DeviceProtocols

/// A GSM modem's AT port (`/dev/ttyUSB*`, a pty in tests) as the AT dialogue's byte link, 8N1 at the profile's
/// speed. A port that cannot be opened or fails mid-dialogue is `ModemError.unavailable` with the serial error's
/// words, so the outbox keeps the message and retries once the modem is back.
public final class SerialModemLink: ModemLink {
    let port: SerialPort

    public init(path: String, profile: ModemProfile) throws(ModemError) {
        do {
            port = try SerialPort(path: path, settings: profile.serialSettings, writeTimeout: .seconds(2))
        } catch {
            throw Self.unavailable(error)
        }
    }

    public func write(_ bytes: [UInt8]) throws(ModemError) {
        do { try port.write(bytes) } catch { throw Self.unavailable(error) }
    }

    public func read(timeout: Duration) throws(ModemError) -> [UInt8] {
        do { return try port.read(max: 512, timeout: timeout) } catch { throw Self.unavailable(error) }
    }

    public func close() { port.close() }

    static func unavailable(_ error: SerialError) -> ModemError {
        ModemError(
            .unavailable, "Không dùng được cổng modem: \(error.message)", "The modem port cannot be used: \(error.englishMessage)")
    }
}
