/// Why a message did not leave the modem, in words for the supervisor and a stable code for metrics.
public struct ModemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable name for logs and metrics.
    public enum Code: String, Sendable {
        /// The port is gone or cannot be opened (unplugged, wrong path, no permission).
        case unavailable
        /// Nothing answered `AT` in time.
        case noAnswer = "no_answer"
        case simNotReady = "sim_not_ready"
        case notRegistered = "not_registered"
        /// A command answered `ERROR`.
        case commandFailed = "command_failed"
        /// The network refused the message (`+CMS ERROR: n`).
        case refused
        /// No `+CMGS` within the send timeout.
        case timeout
    }

    public let code: Code
    public let message: String
    public let messageEn: String

    public init(_ code: Code, _ message: String, _ messageEn: String) {
        self.code = code
        self.message = message
        self.messageEn = messageEn
    }

    public var description: String { "\(code.rawValue): \(messageEn)" }
}
