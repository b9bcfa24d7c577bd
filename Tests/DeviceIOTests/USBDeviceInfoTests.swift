import DeviceIO
import Testing

@Suite struct USBDeviceInfoTests {
    @Test func describesItselfLikeLsusb() {
        let device = USBFixtures.pos58.withStrings(manufacturer: "Winbond", product: "POS58", serialNumber: nil)
        #expect(device.id.description == "001:005")
        #expect(device.vidPid == "0416:5011")
        #expect(device.portName == "1-1")
        #expect(device.stableName == "usb-0416:5011-1-1")
        #expect(device.interfaceClasses == [7])
        #expect(device.description == "001:005 0416:5011 port 1-1 class [07] Winbond POS58")
    }

    @Test func nestedPortNames() {
        let device = USBFixtures.device(bus: 2, address: 17, port: [1, 4, 2])
        #expect(device.portName == "2-1.4.2")
        #expect(device.id.description == "002:017")
    }

    @Test func endpointDirectionAndType() {
        let input = USBEndpointInfo(address: 0x81, attributes: 0x02, maxPacketSize: 64)
        #expect(input.isIn && input.transferType == .bulk)
        let output = USBEndpointInfo(address: 0x03, attributes: 0x02, maxPacketSize: 64)
        #expect(output.isOut && output.transferType == .bulk)
        #expect(USBEndpointInfo(address: 0x83, attributes: 0x03, maxPacketSize: 8).transferType == .interrupt)
    }
}
