/// What is known about one attached device without claiming it: enough to list it in `khongcho devices`,
/// match it to a printer profile and find its endpoints.
public struct USBDeviceInfo: Hashable, Sendable, CustomStringConvertible {
    public let id: USBDeviceID
    /// Hub port numbers from the root, e.g. [1, 4] for `1-1.4`; stable across replugs into the same socket.
    public let portPath: [UInt8]
    public let vendorID: UInt16
    public let productID: UInt16
    public let deviceClass: UInt8
    /// Interfaces (all alternate settings) of the active configuration; empty when it could not be read.
    public let interfaces: [USBInterfaceInfo]
    /// String descriptors, nil when the device could not be opened (usually permissions) or has none.
    public let manufacturer: String?
    public let product: String?
    public let serialNumber: String?

    public init(
        id: USBDeviceID, portPath: [UInt8] = [], vendorID: UInt16, productID: UInt16, deviceClass: UInt8 = 0,
        interfaces: [USBInterfaceInfo], manufacturer: String? = nil, product: String? = nil,
        serialNumber: String? = nil
    ) {
        self.id = id
        self.portPath = portPath
        self.vendorID = vendorID
        self.productID = productID
        self.deviceClass = deviceClass
        self.interfaces = interfaces
        self.manufacturer = manufacturer
        self.product = product
        self.serialNumber = serialNumber
    }

    /// `0416:5011`, lower-case like `lsusb` and udev's `ATTR{idVendor}`.
    public var vidPid: String { "\(Self.hex4(vendorID)):\(Self.hex4(productID))" }

    /// `1-1.4`: the sysfs name of the port, what udev's `KERNELS==` matches.
    public var portName: String {
        guard let first = portPath.first else { return "\(id.bus)-?" }
        return "\(id.bus)-\(first)" + portPath.dropFirst().map { ".\($0)" }.joined()
    }

    /// `usb-0416:5011-1-4`: names a printer by model and socket, so the kiosk→printer mapping survives
    /// replugs (the address changes, the port does not).
    public var stableName: String { "usb-\(vidPid)-\(portName)" }

    public var interfaceClasses: [UInt8] {
        var seen: [UInt8] = []
        for interface in interfaces where !seen.contains(interface.interfaceClass) {
            seen.append(interface.interfaceClass)
        }
        return seen
    }

    public var hasPrinterInterface: Bool { interfaces.contains { $0.isPrinterClass } }

    /// The same device with its string descriptors filled in.
    public func withStrings(manufacturer: String?, product: String?, serialNumber: String?) -> USBDeviceInfo {
        USBDeviceInfo(
            id: id, portPath: portPath, vendorID: vendorID, productID: productID, deviceClass: deviceClass,
            interfaces: interfaces, manufacturer: manufacturer, product: product, serialNumber: serialNumber)
    }

    /// One line for `khongcho devices`: `001:005 0416:5011 port 1-1 class [07] Winbond POS58`.
    public var description: String {
        let classes = interfaceClasses.map { Self.hex2($0) }.joined(separator: ",")
        let names = [manufacturer, product].compactMap { $0 }.joined(separator: " ")
        return "\(id) \(vidPid) port \(portName) class [\(classes)]" + (names.isEmpty ? "" : " \(names)")
    }

    public static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hex2(_ value: UInt8) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }
}

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

/// One endpoint of an interface, as its descriptor states it.
public struct USBEndpointInfo: Hashable, Sendable {
    /// How an endpoint moves data (the bmAttributes transfer type).
    public enum TransferType: UInt8, Sendable {
        case control = 0
        case isochronous = 1
        case bulk = 2
        case interrupt = 3
    }

    /// `bEndpointAddress`: bit 7 set means IN (device to host).
    public let address: UInt8
    /// `bmAttributes`: the low two bits are the transfer type.
    public let attributes: UInt8
    public let maxPacketSize: UInt16

    public init(address: UInt8, attributes: UInt8, maxPacketSize: UInt16) {
        self.address = address
        self.attributes = attributes
        self.maxPacketSize = maxPacketSize
    }

    public var isIn: Bool { address & 0x80 != 0 }
    public var isOut: Bool { !isIn }
    public var transferType: TransferType {
        TransferType(rawValue: attributes & 0x03) ?? .control
    }
}

/// One alternate setting of one interface of the active configuration.
public struct USBInterfaceInfo: Hashable, Sendable {
    /// USB printer class (`bInterfaceClass` 7).
    public static let printerClass: UInt8 = 7

    public let number: UInt8
    public let alternateSetting: UInt8
    public let interfaceClass: UInt8
    public let interfaceSubclass: UInt8
    /// For printers: 1 unidirectional, 2 bidirectional, 3 IEEE 1284.4.
    public let interfaceProtocol: UInt8
    public let endpoints: [USBEndpointInfo]

    public init(
        number: UInt8, alternateSetting: UInt8 = 0, interfaceClass: UInt8, interfaceSubclass: UInt8 = 0,
        interfaceProtocol: UInt8 = 0, endpoints: [USBEndpointInfo]
    ) {
        self.number = number
        self.alternateSetting = alternateSetting
        self.interfaceClass = interfaceClass
        self.interfaceSubclass = interfaceSubclass
        self.interfaceProtocol = interfaceProtocol
        self.endpoints = endpoints
    }

    public var isPrinterClass: Bool { interfaceClass == Self.printerClass }

    public var bulkOut: USBEndpointInfo? { endpoints.first { $0.transferType == .bulk && $0.isOut } }
    public var bulkIn: USBEndpointInfo? { endpoints.first { $0.transferType == .bulk && $0.isIn } }
}
