/// Which USB devices a keypad profile applies to.
public enum KeypadMatchRule: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this VID:PID.
    case vendorProduct(vendorID: UInt16, productID: UInt16)
    /// Any device with a HID boot keyboard interface (class 3, subclass 1, protocol 1). Generic keypads
    /// reuse keyboard-controller ids, so the class is the only reliable sign — but an ordinary keyboard
    /// matches too, so such a keypad must be bound to a counter by an admin before it acts.
    case bootKeyboard

    public static let hidClass: UInt8 = 3
    public static let bootSubclass: UInt8 = 1
    public static let keyboardProtocol: UInt8 = 1

    public var description: String {
        switch self {
        case .vendorProduct(let vendor, let product): "\(Self.hex4(vendor)):\(Self.hex4(product))"
        case .bootKeyboard: "class 03/01/01"
        }
    }

    static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
