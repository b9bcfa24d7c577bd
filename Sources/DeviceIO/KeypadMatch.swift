public import DeviceProtocols

/// A device recognised as a keypad of some profile.
public struct KeypadMatch: Equatable, Sendable {
    public enum Reason: String, Sendable {
        /// The profile lists this VID:PID.
        case vendorProduct = "vendor_product"
        /// The profile takes any boot keyboard and the device has one.
        case bootKeyboard = "boot_keyboard"
    }

    public let device: USBDeviceInfo
    public let profile: KeypadProfile
    public let reason: Reason
    /// Nil when the device has no HID interrupt IN endpoint (`KeypadEndpoint.select` says why).
    public let endpoint: KeypadEndpoint?

    public init(device: USBDeviceInfo, profile: KeypadProfile, reason: Reason, endpoint: KeypadEndpoint?) {
        self.device = device
        self.profile = profile
        self.reason = reason
        self.endpoint = endpoint
    }

    /// Technical summary for `khongcho devices`, e.g. `keypad rating profile=rating-4key interface=0 in=0x81`.
    public var summary: String {
        let origin = "keypad \(profile.kind.rawValue) profile=\(profile.id)"
        guard let endpoint else { return "\(origin) no-interrupt-in" }
        return "\(origin) interface=\(endpoint.interfaceNumber) in=0x\(USBDeviceInfo.hex2(endpoint.inAddress))"
    }
}
