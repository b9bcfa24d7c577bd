import Testing

@testable import DeviceIO

@Suite struct USBDeviceDiffTests {
    let printer = USBFixtures.pos58
    let keyboard = USBFixtures.keyboard

    @Test func firstScanReportsEverythingAsArrived() {
        let diff = USBDeviceDiff.between([:], [keyboard, printer])
        #expect(diff.arrived.map(\.id) == [printer.id, keyboard.id])
        #expect(diff.left.isEmpty)
    }

    @Test func unchangedBusReportsNothing() {
        let diff = USBDeviceDiff.between(
            [printer.id: printer], [printer.withStrings(manufacturer: "x", product: nil, serialNumber: nil)])
        #expect(diff.isEmpty)
    }

    @Test func unplugIsALeft() {
        let diff = USBDeviceDiff.between([printer.id: printer, keyboard.id: keyboard], [keyboard])
        #expect(diff.left == [printer])
        #expect(diff.arrived.isEmpty)
    }

    @Test func replugUnderANewAddressIsLeftThenArrived() {
        let replugged = USBFixtures.device(
            address: 6, vendor: 0x0416, product: 0x5011, port: [1], interfaces: printer.interfaces)
        let diff = USBDeviceDiff.between([printer.id: printer], [replugged])
        #expect(diff.left == [printer])
        #expect(diff.arrived == [replugged])
    }

    @Test func aReusedAddressWithAnotherDeviceIsLeftThenArrived() {
        let other = USBFixtures.device(address: printer.id.address, vendor: 0x04b8, product: 0x0e28, port: [3])
        let diff = USBDeviceDiff.between([printer.id: printer], [other])
        #expect(diff.left == [printer])
        #expect(diff.arrived == [other])
    }
}
