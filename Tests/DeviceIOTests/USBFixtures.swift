import DeviceProtocols

@testable import DeviceIO

/// Descriptor-shaped test devices, written the way real printers describe themselves.
enum USBFixtures {
    static func bulk(_ address: UInt8, maxPacket: UInt16 = 64) -> USBEndpointInfo {
        USBEndpointInfo(address: address, attributes: 0x02, maxPacketSize: maxPacket)
    }

    static func interrupt(_ address: UInt8) -> USBEndpointInfo {
        USBEndpointInfo(address: address, attributes: 0x03, maxPacketSize: 8)
    }

    /// The common 58 mm clone: class 7, bidirectional, IN listed before OUT.
    static let pos58 = USBDeviceInfo(
        id: USBDeviceID(bus: 1, address: 5), portPath: [1], vendorID: 0x0416, productID: 0x5011,
        interfaces: [
            USBInterfaceInfo(
                number: 0, interfaceClass: 7, interfaceSubclass: 1, interfaceProtocol: 2,
                endpoints: [bulk(0x81), bulk(0x03)])
        ])

    static let keyboard = USBDeviceInfo(
        id: USBDeviceID(bus: 1, address: 7), portPath: [2], vendorID: 0x05a4, productID: 0x9837,
        interfaces: [
            USBInterfaceInfo(
                number: 0, interfaceClass: 3, interfaceSubclass: 1, interfaceProtocol: 1, endpoints: [interrupt(0x81)])
        ])

    static func profile(_ vendor: String, _ product: String, id: String = "test") -> PrinterProfile {
        PrinterProfile(
            id: id, name: id, vendorID: vendor, productID: product, paperWidthDots: 384, cut: .partial,
            nativeQR: false, vietnameseCodePage: false, statusSupported: true, maxStripHeight: 256, lineSpacing: 30)
    }

    static func device(
        bus: UInt8 = 1, address: UInt8, vendor: UInt16 = 0x1234, product: UInt16 = 0x5678, port: [UInt8] = [1],
        interfaces: [USBInterfaceInfo] = []
    ) -> USBDeviceInfo {
        USBDeviceInfo(
            id: USBDeviceID(bus: bus, address: address), portPath: port, vendorID: vendor, productID: product,
            interfaces: interfaces)
    }
}
