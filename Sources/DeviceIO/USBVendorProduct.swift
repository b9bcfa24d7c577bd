/// A VID:PID pair, parsed from a profile's hex strings ("0416", "0x0416", "0416" in any case).
public struct USBVendorProduct: Hashable, Sendable, CustomStringConvertible {
    public let vendorID: UInt16
    public let productID: UInt16

    public init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }

    /// Nil when either string is not 1–4 hex digits (an optional `0x` prefix is allowed).
    public init?(vendorHex: String, productHex: String) {
        guard let vendor = Self.parse(vendorHex), let product = Self.parse(productHex) else { return nil }
        self.init(vendorID: vendor, productID: product)
    }

    public var description: String { "\(USBDeviceInfo.hex4(vendorID)):\(USBDeviceInfo.hex4(productID))" }

    static func parse(_ text: String) -> UInt16? {
        var digits = Substring(text)
        if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard (1...4).contains(digits.count) else { return nil }
        return UInt16(digits, radix: 16)
    }
}
