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
