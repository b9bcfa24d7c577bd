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
