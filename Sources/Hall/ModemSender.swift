public import DeviceProtocols
import Dispatch

/// Sends text messages through one GSM modem. The AT dialogue blocks on the serial port for up to the send
/// timeout, so it runs on the sender's own serial queue, never on the async pool. The port is opened for each
/// message and closed after (`open` is called every time): a modem unplugged and plugged back in is used again
/// with no restart, and a missing one fails that message as `unavailable`, which the outbox retries.
public final class ModemSender: Sendable {
    public let profile: ModemProfile
    /// Where messages go, for the log and the devices page ("/dev/ttyUSB0", "simulated").
    public let name: String
    let open: @Sendable () throws(ModemError) -> any ModemLink
    let close: @Sendable (any ModemLink) -> Void
    let queue = DispatchQueue(label: "khongcho.sms-modem")

    public init(
        profile: ModemProfile, name: String, open: @escaping @Sendable () throws(ModemError) -> any ModemLink,
        close: @escaping @Sendable (any ModemLink) -> Void = { _ in }
    ) {
        self.profile = profile
        self.name = name
        self.open = open
        self.close = close
    }

    /// The network's reference for the sent message.
    public func send(to phone: String, text: String) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                do {
                    let link = try open()
                    defer { close(link) }
                    continuation.resume(returning: try SMSModemSession(link: link, profile: profile).send(to: phone, text: text))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
