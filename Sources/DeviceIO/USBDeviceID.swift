/// Where a device sits right now: bus number and the address the kernel gave it.
///
/// The address changes on every replug, so an unplug followed by a replug is a different `USBDeviceID`
/// (a `left` then an `arrived` event), just as on a real bus.
public struct USBDeviceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bus: UInt8
    public let address: UInt8

    public init(bus: UInt8, address: UInt8) {
        self.bus = bus
        self.address = address
    }

    /// `001:005`, the way `lsusb` and `/dev/bus/usb/001/005` spell it.
    public var description: String { "\(Self.threeDigits(bus)):\(Self.threeDigits(address))" }

    public static func < (lhs: USBDeviceID, rhs: USBDeviceID) -> Bool {
        (lhs.bus, lhs.address) < (rhs.bus, rhs.address)
    }

    private static func threeDigits(_ value: UInt8) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
