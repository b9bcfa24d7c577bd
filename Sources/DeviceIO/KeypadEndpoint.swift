/// The HID interface to claim on a keypad and its interrupt IN endpoint, read from the device's descriptors.
public struct KeypadEndpoint: Hashable, Sendable {
    public let interfaceNumber: UInt8
    public let alternateSetting: UInt8
    /// Interrupt IN endpoint address (bit 7 set), where the 8-byte boot reports arrive.
    public let inAddress: UInt8
    public let maxPacketSize: UInt16
    /// Subclass 1: the interface speaks the boot protocol, so SET_PROTOCOL(boot) guarantees 8-byte reports.
    public let isBootInterface: Bool

    public init(
        interfaceNumber: UInt8, alternateSetting: UInt8 = 0, inAddress: UInt8, maxPacketSize: UInt16 = 8,
        isBootInterface: Bool = true
    ) {
        self.interfaceNumber = interfaceNumber
        self.alternateSetting = alternateSetting
        self.inAddress = inAddress
        self.maxPacketSize = maxPacketSize
        self.isBootInterface = isBootInterface
    }

    /// Picks a HID (class 3) interface with an interrupt IN endpoint: a boot keyboard (3/1/1) before any
    /// other HID interface (a composite keypad's consumer-keys or mouse half), then the lowest number.
    /// Throws `.notFound` when the device has none.
    public static func select(from device: USBDeviceInfo) throws(USBError) -> KeypadEndpoint {
        let candidates = device.interfaces.filter { $0.interfaceClass == 3 && $0.interruptIn != nil }
        let best = candidates.min { rank($0) < rank($1) }
        guard let best, let input = best.interruptIn else {
            throw USBError(.notFound, call: "KeypadEndpoint.select(\(device.id) \(device.vidPid)): no HID interrupt IN")
        }
        return KeypadEndpoint(
            interfaceNumber: best.number, alternateSetting: best.alternateSetting, inAddress: input.address,
            maxPacketSize: input.maxPacketSize, isBootInterface: best.interfaceSubclass == 1)
    }

    private static func rank(_ interface: USBInterfaceInfo) -> (Int, UInt8, UInt8) {
        (interface.isBootKeyboard ? 0 : 1, interface.number, interface.alternateSetting)
    }
}

extension USBInterfaceInfo {
    /// HID class 3, boot subclass 1, keyboard protocol 1.
    public var isBootKeyboard: Bool { interfaceClass == 3 && interfaceSubclass == 1 && interfaceProtocol == 1 }

    public var interruptIn: USBEndpointInfo? { endpoints.first { $0.transferType == .interrupt && $0.isIn } }
}
