import DeviceIO
import Testing

@Suite struct PrinterEndpointsTests {
    @Test func readsTheAddressesFromTheDescriptorWhateverTheirOrder() throws {
        let endpoints = try PrinterEndpoints.select(from: USBFixtures.pos58)
        #expect(endpoints.interfaceNumber == 0)
        #expect(endpoints.outAddress == 0x03)
        #expect(endpoints.inAddress == 0x81)
        #expect(endpoints.isBidirectional)
    }

    @Test func usesNonStandardAddressesAsGiven() throws {
        let xprinter = USBFixtures.device(
            address: 9,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 7,
                    endpoints: [USBFixtures.bulk(0x02), USBFixtures.bulk(0x84, maxPacket: 512)])
            ])
        let endpoints = try PrinterEndpoints.select(from: xprinter)
        #expect(endpoints.outAddress == 0x02)
        #expect(endpoints.inAddress == 0x84)
        #expect(endpoints.inMaxPacketSize == 512)
    }

    @Test func prefersThePrinterInterfaceOfACompositeDevice() throws {
        let composite = USBFixtures.device(
            address: 3,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 0xFF, endpoints: [USBFixtures.bulk(0x01), USBFixtures.bulk(0x82)]),
                USBInterfaceInfo(number: 1, interfaceClass: 3, endpoints: [USBFixtures.interrupt(0x83)]),
                USBInterfaceInfo(
                    number: 2, interfaceClass: 7, interfaceProtocol: 2,
                    endpoints: [USBFixtures.bulk(0x04), USBFixtures.bulk(0x85)]),
            ])
        let endpoints = try PrinterEndpoints.select(from: composite)
        #expect(endpoints.interfaceNumber == 2)
        #expect(endpoints.outAddress == 0x04)
        #expect(endpoints.inAddress == 0x85)
    }

    @Test func prefersTheBidirectionalAlternateSetting() throws {
        let device = USBFixtures.device(
            address: 4,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, alternateSetting: 0, interfaceClass: 7, interfaceProtocol: 1,
                    endpoints: [USBFixtures.bulk(0x01)]),
                USBInterfaceInfo(
                    number: 0, alternateSetting: 1, interfaceClass: 7, interfaceProtocol: 2,
                    endpoints: [USBFixtures.bulk(0x01), USBFixtures.bulk(0x82)]),
            ])
        let endpoints = try PrinterEndpoints.select(from: device)
        #expect(endpoints.alternateSetting == 1)
        #expect(endpoints.inAddress == 0x82)
    }

    @Test func acceptsAOneWayPrinterWithoutStatus() throws {
        let device = USBFixtures.device(
            address: 6,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 7, interfaceProtocol: 1, endpoints: [USBFixtures.bulk(0x01)])
            ])
        let endpoints = try PrinterEndpoints.select(from: device)
        #expect(endpoints.outAddress == 0x01)
        #expect(endpoints.inAddress == nil)
        #expect(!endpoints.isBidirectional)
    }

    @Test func acceptsAVendorClassPrinterWithBulkEndpoints() throws {
        let epsonVendorMode = USBFixtures.device(
            address: 8, vendor: 0x04b8, product: 0x0202,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 0xFF, endpoints: [USBFixtures.bulk(0x01), USBFixtures.bulk(0x82)])
            ])
        let endpoints = try PrinterEndpoints.select(from: epsonVendorMode)
        #expect(endpoints.outAddress == 0x01)
        #expect(endpoints.inAddress == 0x82)
    }

    @Test func refusesADeviceWithoutBulkOut() {
        #expect {
            try PrinterEndpoints.select(from: USBFixtures.keyboard)
        } throws: { error in
            (error as? USBError)?.code == .noPrinterInterface
        }
    }

    @Test func ignoresInterruptAndIsochronousEndpoints() throws {
        let device = USBFixtures.device(
            address: 2,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 7,
                    endpoints: [
                        USBFixtures.interrupt(0x81),
                        USBEndpointInfo(address: 0x02, attributes: 0x01, maxPacketSize: 192),
                        USBFixtures.bulk(0x03), USBFixtures.bulk(0x84),
                    ])
            ])
        let endpoints = try PrinterEndpoints.select(from: device)
        #expect(endpoints.outAddress == 0x03)
        #expect(endpoints.inAddress == 0x84)
    }
}
