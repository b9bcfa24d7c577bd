public import DeviceProtocols

/// Decides which attached devices are keypads, and of which profile.
///
/// A profile naming the device's VID:PID wins. Otherwise profiles without ids apply to any device with a
/// boot keyboard interface — which includes ordinary keyboards, so callers must open only keypads an admin
/// has bound to a counter (see `KeypadService`'s `shouldOpen`).
public struct KeypadMatcher: Sendable {
    public let profiles: [KeypadProfile]

    public init(profiles: [KeypadProfile]) {
        self.profiles = profiles
    }

    /// Every profile that fits `device`: VID:PID profiles first, then boot-keyboard ones, each in profile order.
    public func matches(_ device: USBDeviceInfo) -> [KeypadMatch] {
        let endpoint = try? KeypadEndpoint.select(from: device)
        var byID: [KeypadMatch] = []
        var byClass: [KeypadMatch] = []
        for profile in profiles {
            switch profile.match {
            case .vendorProduct(let vendor, let product):
                if vendor == device.vendorID && product == device.productID {
                    byID.append(
                        KeypadMatch(device: device, profile: profile, reason: .vendorProduct, endpoint: endpoint))
                }
            case .bootKeyboard:
                if device.interfaces.contains(where: { $0.isBootKeyboard && $0.interruptIn != nil }) {
                    byClass.append(
                        KeypadMatch(device: device, profile: profile, reason: .bootKeyboard, endpoint: endpoint))
                }
            }
        }
        return byID + byClass
    }

    /// The best match, or the match with `profileID` (an admin's choice for a generic keypad) when given.
    public func match(_ device: USBDeviceInfo, profileID: String? = nil) -> KeypadMatch? {
        let all = matches(device)
        guard let profileID else { return all.first }
        return all.first { $0.profile.id == profileID }
    }

    /// The best match of each device in `devices`, in bus order.
    public func keypads(in devices: [USBDeviceInfo]) -> [KeypadMatch] {
        devices.sorted { $0.id < $1.id }.compactMap { match($0) }
    }
}

/// A device recognised as a keypad of some profile.
public struct KeypadMatch: Equatable, Sendable {
    /// Why a USB device is, or is not, taken as a keypad.
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
