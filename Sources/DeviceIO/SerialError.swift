/// Why a serial (tty) operation on a counter display failed, which system call failed, and what to do.
///
/// Callers react on `code` (mark the display offline on `.unplugged` and re-drive it with the current state
/// when it is back; retry on `.timeout`); the messages are for logs and the device page.
public struct SerialError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// `open` failed for a reason not listed below.
        case open
        /// `open`: EACCES/EPERM, the service user is not in the `dialout` group.
        case access
        /// `open`: ENOENT, no such tty (not plugged in, or renumbered).
        case notFound = "not_found"
        /// `open`/`flock`: another process holds the port.
        case busy
        case tcgetattr
        /// `tcsetattr` failed, or the driver silently kept other settings (checked by reading them back).
        case tcsetattr
        /// The settings are not ones a display uses (a baud outside `DisplaySerialSettings.supportedBauds`).
        case unsupportedSettings = "unsupported_settings"
        case write
        case read
        case poll
        /// The device did not take (or send) the bytes in time: flow control stuck, or a dead adapter.
        case timeout
        /// EIO/ENXIO/ENODEV or a hang-up: the USB-serial adapter was unplugged or the line is gone.
        case unplugged
        /// The port was closed before this call.
        case closed
    }

    public let code: Code
    /// The system call (or operation) and the tty, e.g. `write /dev/ttyUSB0`.
    public let call: String
    /// `errno` when the error came from the system.
    public let errno: Int32?
    /// Bytes that reached the driver before the failure.
    public let transferred: Int
    /// Bytes the caller asked to write; 0 when the call was not a write.
    public let requested: Int
    /// Vietnamese: what happened and what to do.
    public let message: String
    /// English: what happened and what to do.
    public let englishMessage: String

    public init(_ code: Code, call: String, errno: Int32? = nil, transferred: Int = 0, requested: Int = 0) {
        self.code = code
        self.call = call
        self.errno = errno
        self.transferred = transferred
        self.requested = requested
        let advice = Self.advice(for: code)
        let system = errno.map { " [errno \($0)]" } ?? ""
        let progress =
            requested > 0 && code != .unsupportedSettings
            ? (
                " (đã gửi \(transferred)/\(requested) byte; màn hình sẽ được vẽ lại khi kết nối lại)",
                " (\(transferred) of \(requested) bytes went through; the display is redrawn when it reconnects)"
            )
            : ("", "")
        message = "\(call): \(advice.vietnamese)\(progress.0)\(system)"
        englishMessage = "\(call): \(advice.english)\(progress.1)\(system)"
    }

    /// True when the display is gone and should be marked offline until it comes back.
    public var meansUnplugged: Bool { code == .unplugged || code == .notFound }

    public var description: String { "\(code.rawValue): \(englishMessage)" }
}
