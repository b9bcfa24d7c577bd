/// One endpoint of an interface, as its descriptor states it.
public struct USBEndpointInfo: Hashable, Sendable {
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
