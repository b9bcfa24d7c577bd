import DeviceProtocols
import Testing

@testable import DeviceIO

@Suite struct KeypadMatcherTests {
    static let bootKeyboard = USBInterfaceInfo(
        number: 0, interfaceClass: 3, interfaceSubclass: 1, interfaceProtocol: 1,
        endpoints: [USBFixtures.interrupt(0x81)])

    /// A composite keypad listing its consumer-keys HID interface (no boot subclass) first.
    static let composite = USBFixtures.device(
        address: 9, vendor: 0x05a4, product: 0x9862,
        interfaces: [
            USBInterfaceInfo(number: 0, interfaceClass: 3, endpoints: [USBFixtures.interrupt(0x81)]),
            USBInterfaceInfo(
                number: 1, interfaceClass: 3, interfaceSubclass: 1, interfaceProtocol: 1,
                endpoints: [USBFixtures.interrupt(0x82)]),
        ])

    static let ratingAny = KeypadProfile(
        id: "rating-4key", name: "R", kind: .rating, match: .bootKeyboard, mode: .singleKey,
        keys: [0x1E: .rating(.veryPleased)])
    static let ratingOther = KeypadProfile(
        id: "rating-other", name: "R2", kind: .rating, match: .bootKeyboard, mode: .singleKey,
        keys: [0x59: .rating(.veryPleased)])
    static let caller = KeypadProfile(
        id: "caller-6key", name: "C", kind: .caller, match: .vendorProduct(vendorID: 0x05a4, productID: 0x9837),
        mode: .singleKey, keys: [0x59: .caller(.next)])

    @Test func endpointOfABootKeyboard() throws {
        let endpoint = try KeypadEndpoint.select(from: USBFixtures.keyboard)
        #expect(
            endpoint == KeypadEndpoint(interfaceNumber: 0, inAddress: 0x81, maxPacketSize: 8, isBootInterface: true))
    }

    @Test func bootInterfaceWinsOnACompositeKeypad() throws {
        let endpoint = try KeypadEndpoint.select(from: Self.composite)
        #expect(endpoint.interfaceNumber == 1)
        #expect(endpoint.inAddress == 0x82)
        #expect(endpoint.isBootInterface)
    }

    @Test func nonBootHIDInterfaceIsUsedWhenAlone() throws {
        let device = USBFixtures.device(
            address: 3,
            interfaces: [USBInterfaceInfo(number: 2, interfaceClass: 3, endpoints: [USBFixtures.interrupt(0x83)])])
        let endpoint = try KeypadEndpoint.select(from: device)
        #expect(endpoint.interfaceNumber == 2 && endpoint.inAddress == 0x83 && !endpoint.isBootInterface)
    }

    @Test func printerHasNoKeypadEndpoint() {
        #expect {
            try KeypadEndpoint.select(from: USBFixtures.pos58)
        } throws: { error in
            (error as? USBError)?.code == .notFound
                && (error as? USBError)?.call == "KeypadEndpoint.select(001:005 0416:5011): no HID interrupt IN"
        }
    }

    @Test func vendorProductBeatsClass() throws {
        let matcher = KeypadMatcher(profiles: [Self.ratingAny, Self.caller])
        let match = try #require(matcher.match(USBFixtures.keyboard))
        #expect(match.profile.id == "caller-6key")
        #expect(match.reason == .vendorProduct)
        #expect(match.endpoint?.inAddress == 0x81)
        #expect(matcher.matches(USBFixtures.keyboard).map(\.profile.id) == ["caller-6key", "rating-4key"])
        #expect(match.summary == "keypad caller profile=caller-6key interface=0 in=0x81")
    }

    @Test func anyBootKeyboardMatchesAClassProfile() throws {
        let matcher = KeypadMatcher(profiles: [Self.ratingAny, Self.ratingOther])
        let match = try #require(matcher.match(Self.composite))
        #expect(match.profile.id == "rating-4key")
        #expect(match.reason == .bootKeyboard)
        #expect(matcher.match(Self.composite, profileID: "rating-other")?.profile.id == "rating-other")
        #expect(matcher.match(Self.composite, profileID: "caller-6key") == nil)
    }

    @Test func nonKeyboardsDoNotMatch() {
        let matcher = KeypadMatcher(profiles: [Self.ratingAny, Self.caller])
        #expect(matcher.match(USBFixtures.pos58) == nil)
        // HID but not a boot keyboard (a mouse-like interface): not a class match.
        let mouse = USBFixtures.device(
            address: 4,
            interfaces: [
                USBInterfaceInfo(
                    number: 0, interfaceClass: 3, interfaceSubclass: 1, interfaceProtocol: 2,
                    endpoints: [USBFixtures.interrupt(0x81)])
            ])
        #expect(matcher.match(mouse) == nil)
    }

    @Test func vendorProductMatchWithoutHIDInterfaceHasNoEndpoint() throws {
        let odd = USBFixtures.device(address: 8, vendor: 0x05a4, product: 0x9837, interfaces: [])
        let match = try #require(KeypadMatcher(profiles: [Self.caller]).match(odd))
        #expect(match.endpoint == nil)
        #expect(match.summary == "keypad caller profile=caller-6key no-interrupt-in")
    }

    @Test func keypadsInBusOrder() {
        let matcher = KeypadMatcher(profiles: [Self.ratingAny, Self.caller])
        let found = matcher.keypads(in: [Self.composite, USBFixtures.pos58, USBFixtures.keyboard])
        #expect(found.map(\.device.id) == [USBDeviceID(bus: 1, address: 7), USBDeviceID(bus: 1, address: 9)])
    }

    @Test func readerOptionsDefaults() {
        #expect(KeypadReaderOptions.default.readTimeout == .milliseconds(100))
        #expect(KeypadReaderOptions.default.setBootProtocol)
    }
}
