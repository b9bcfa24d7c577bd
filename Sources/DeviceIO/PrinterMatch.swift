public import DeviceProtocols

/// A device recognised as a ticket printer, with the profile that describes it when there is one.
public struct PrinterMatch: Equatable, Sendable {
    /// Why a USB device is, or is not, taken as a printer.
    public enum Reason: String, Sendable {
        /// Its VID:PID is listed in a profile.
        case profile
        /// No profile lists it, but it has a USB printer-class interface; print with default settings.
        case printerClass = "printer_class"
    }

    public let device: USBDeviceInfo
    public let profile: PrinterProfile?
    public let reason: Reason
    /// Nil when the device has no bulk OUT endpoint (it cannot be printed on; `PrinterEndpoints.select` says why).
    public let endpoints: PrinterEndpoints?

    public init(device: USBDeviceInfo, profile: PrinterProfile?, reason: Reason, endpoints: PrinterEndpoints?) {
        self.device = device
        self.profile = profile
        self.reason = reason
        self.endpoints = endpoints
    }
}

extension PrinterMatch {
    /// Technical summary for `khongcho devices`, e.g. `printer profile=pos58 out=0x03 in=0x81`.
    public var summary: String {
        let origin = profile.map { "profile=\($0.id)" } ?? "class=07 (no profile)"
        guard let endpoints else { return "printer \(origin) no-bulk-out" }
        let input = endpoints.inAddress.map { "0x" + USBDeviceInfo.hex2($0) } ?? "none"
        return
            "printer \(origin) interface=\(endpoints.interfaceNumber) out=0x\(USBDeviceInfo.hex2(endpoints.outAddress)) in=\(input)"
    }
}
