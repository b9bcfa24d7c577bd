import DeviceIO
import DeviceProtocols
import Testing

@Suite struct PrinterMatcherTests {
    @Test func matchesByProfileVendorAndProductInAnyHexSpelling() throws {
        let matcher = PrinterMatcher(profiles: [USBFixtures.profile("0x0416", "5011", id: "pos58")])
        let match = try #require(matcher.match(USBFixtures.pos58))
        #expect(match.reason == .profile)
        #expect(match.profile?.id == "pos58")
        #expect(match.endpoints?.outAddress == 0x03)

        let upper = PrinterMatcher(profiles: [USBFixtures.profile("04B8", "0E28", id: "tm-t20iii")])
        let epson = USBFixtures.device(
            address: 3, vendor: 0x04b8, product: 0x0e28,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 7, endpoints: [USBFixtures.bulk(0x01), USBFixtures.bulk(0x82)])
            ])
        #expect(upper.match(epson)?.profile?.id == "tm-t20iii")
    }

    @Test func matchesAProfiledVendorClassPrinterWithoutClass7() throws {
        let matcher = PrinterMatcher(profiles: [USBFixtures.profile("04b8", "0202", id: "tm-t20iii-vendor")])
        let device = USBFixtures.device(
            address: 4, vendor: 0x04b8, product: 0x0202,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 0xFF, endpoints: [USBFixtures.bulk(0x01), USBFixtures.bulk(0x82)])
            ])
        let match = try #require(matcher.match(device))
        #expect(match.reason == .profile)
        #expect(match.endpoints?.inAddress == 0x82)
    }

    @Test func matchesAnUnprofiledPrinterByItsClass() throws {
        let matcher = PrinterMatcher(profiles: [])
        let match = try #require(matcher.match(USBFixtures.pos58))
        #expect(match.reason == .printerClass)
        #expect(match.profile == nil)
    }

    @Test func ignoresKeyboardsAndOtherDevices() {
        let matcher = PrinterMatcher(profiles: [USBFixtures.profile("0416", "5011")])
        #expect(matcher.match(USBFixtures.keyboard) == nil)
        #expect(
            matcher.printers(in: [USBFixtures.keyboard, USBFixtures.pos58]).map(\.device.id) == [USBFixtures.pos58.id])
    }

    @Test func skipsProfilesWithMalformedIDs() {
        let matcher = PrinterMatcher(profiles: [
            USBFixtures.profile("zz16", "5011"), USBFixtures.profile("0416", "501100"),
        ])
        let generic = USBFixtures.device(address: 9, vendor: 0x0416, product: 0x5011)
        #expect(matcher.match(generic) == nil)
    }

    @Test func firstProfileWinsForADuplicatedID() {
        let matcher = PrinterMatcher(profiles: [
            USBFixtures.profile("0416", "5011", id: "first"), USBFixtures.profile("0416", "5011", id: "second"),
        ])
        #expect(matcher.match(USBFixtures.pos58)?.profile?.id == "first")
    }

    @Test func vendorProductParsing() {
        #expect(
            USBVendorProduct(vendorHex: "0416", productHex: "5011")
                == USBVendorProduct(vendorID: 0x0416, productID: 0x5011))
        #expect(
            USBVendorProduct(vendorHex: "0X04b8", productHex: "e28")
                == USBVendorProduct(vendorID: 0x04b8, productID: 0x0e28))
        #expect(USBVendorProduct(vendorHex: "", productHex: "5011") == nil)
        #expect(USBVendorProduct(vendorHex: "0416", productHex: "-011") == nil)
        #expect(USBVendorProduct(vendorID: 0x0416, productID: 0x5011).description == "0416:5011")
    }
}

@Suite struct PrinterMatchSummaryTests {
    @Test func summarisesProfileAndEndpoints() throws {
        let profiled = try #require(
            PrinterMatcher(profiles: [USBFixtures.profile("0416", "5011", id: "pos58")]).match(USBFixtures.pos58))
        #expect(profiled.summary == "printer profile=pos58 interface=0 out=0x03 in=0x81")
        let generic = try #require(PrinterMatcher(profiles: []).match(USBFixtures.pos58))
        #expect(generic.summary == "printer class=07 (no profile) interface=0 out=0x03 in=0x81")
    }

    @Test func aClass7DeviceWithoutBulkOutIsListedButCannotPrint() throws {
        let broken = USBFixtures.device(
            address: 2, interfaces: [USBInterfaceInfo(number: 0, interfaceClass: 7, endpoints: [])])
        let match = try #require(PrinterMatcher(profiles: []).match(broken))
        #expect(match.endpoints == nil)
        #expect(match.summary == "printer class=07 (no profile) no-bulk-out")
    }
}
