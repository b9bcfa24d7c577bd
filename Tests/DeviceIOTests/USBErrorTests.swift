import DeviceIO
import Testing

@Suite struct USBErrorTests {
    /// The numbers are libusb's ABI (`enum libusb_error` in libusb.h).
    @Test(arguments: [
        (Int32(-1), USBError.Code.io), (-2, .invalidParameter), (-3, .access), (-4, .noDevice), (-5, .notFound),
        (-6, .busy), (-7, .timeout), (-8, .overflow), (-9, .pipe), (-10, .interrupted), (-11, .noMemory),
        (-12, .notSupported), (-99, .other), (-42, .other),
    ])
    func mapsEveryLibusbError(value: Int32, code: USBError.Code) {
        let error = USBError(libusbCode: value, call: "libusb_claim_interface")
        #expect(error.code == code)
        #expect(error.libusbCode == value)
        #expect(error.call == "libusb_claim_interface")
        #expect(error.message.hasPrefix("libusb_claim_interface: "))
        #expect(error.englishMessage.hasPrefix("libusb_claim_interface: "))
    }

    @Test(arguments: USBError.Code.allCases)
    func everyCodeSaysWhatToDoInBothLanguages(code: USBError.Code) {
        let error = USBError(code, call: "op")
        #expect(error.message.count > "op: ".count + 20)
        #expect(error.englishMessage.count > "op: ".count + 20)
        #expect(error.message != error.englishMessage)
        #expect(error.description.hasPrefix(code.rawValue))
    }

    @Test func accessPointsToTheUdevRule() {
        let error = USBError(libusbCode: -3, call: "libusb_open")
        #expect(error.englishMessage.contains("deploy/60-khongcho.rules"))
        #expect(error.englishMessage.contains("root"))
        #expect(error.message.contains("deploy/60-khongcho.rules"))
    }

    @Test func partialWriteReportsHowFarItGot() {
        let error = USBError(libusbCode: -4, call: "libusb_bulk_transfer", transferred: 8192, requested: 20000)
        #expect(error.code == .noDevice)
        #expect(error.meansUnplugged)
        #expect(error.transferred == 8192)
        #expect(error.requested == 20000)
        #expect(error.englishMessage.contains("8192 of 20000 bytes"))
        #expect(error.message.contains("8192/20000"))
    }
}
