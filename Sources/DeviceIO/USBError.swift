/// Why a USB operation failed, which libusb call failed, and what the person at the kiosk should do about it.
///
/// Every libusb error code has its own `Code`, so callers can react (mark a printer offline on `.noDevice`,
/// retry on `.timeout`) without parsing text; the messages are for logs and the supervisor's screen.
public struct USBError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        // One case per libusb error (LIBUSB_ERROR_*).
        case io
        case invalidParameter = "invalid_param"
        case access
        case noDevice = "no_device"
        case notFound = "not_found"
        case busy
        case timeout
        case overflow
        case pipe
        case interrupted
        case noMemory = "no_mem"
        case notSupported = "not_supported"
        case other
        // Found by this module, not by libusb.
        /// The device has no interface with a bulk OUT endpoint, so nothing can be printed on it.
        case noPrinterInterface = "no_printer_interface"
        /// The printer has no bulk IN endpoint (a one-way printer), so it cannot be read or asked for status.
        case noInputEndpoint = "no_input_endpoint"
        /// The connection was closed before this call.
        case closed
    }

    public let code: Code
    /// The libusb function (or this module's operation) that failed, e.g. `libusb_claim_interface`.
    public let call: String
    /// The raw libusb return code, when the error came from libusb.
    public let libusbCode: Int32?
    /// Bytes that did reach the device before the failure (a partial write); 0 when nothing went through.
    public let transferred: Int
    /// Bytes the caller asked to transfer; 0 when the call was not a transfer.
    public let requested: Int
    /// Vietnamese: what happened and what to do.
    public let message: String
    /// English: what happened and what to do.
    public let englishMessage: String

    public init(_ code: Code, call: String, libusbCode: Int32? = nil, transferred: Int = 0, requested: Int = 0) {
        self.code = code
        self.call = call
        self.libusbCode = libusbCode
        self.transferred = transferred
        self.requested = requested
        let advice = Self.advice(for: code)
        let progress = Self.progress(transferred: transferred, requested: requested)
        message = "\(call): \(advice.vietnamese)\(progress.vietnamese)"
        englishMessage = "\(call): \(advice.english)\(progress.english)"
    }

    /// Maps a libusb return code (`LIBUSB_ERROR_*`, negative) to an error; unknown codes become `.other`.
    public init(libusbCode: Int32, call: String, transferred: Int = 0, requested: Int = 0) {
        self.init(
            Self.code(forLibusb: libusbCode), call: call, libusbCode: libusbCode, transferred: transferred,
            requested: requested)
    }

    /// True when the device is gone and the caller should mark it offline and wait for it to come back.
    public var meansUnplugged: Bool { code == .noDevice }

    public var description: String { "\(code.rawValue): \(englishMessage)" }
}
