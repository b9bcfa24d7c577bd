import DeviceProtocols
import KioskTesting
import Testing

@Suite struct EscPosQRCodeTests {
    let qrPrinter = EscPosEncoder(profile: .escPosTest(nativeQR: true))

    @Test func storingA012MatchesTheReferenceSequence() throws {
        let bytes = try qrPrinter.qrCode("A012", moduleSize: 6, errorCorrection: .medium).bytes
        let expected: [UInt8] =
            [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06]
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]
            + [0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30, 0x41, 0x30, 0x31, 0x32]
            + [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
        #expect(bytes == expected)
    }

    @Test(arguments: EscPosQRErrorCorrection.allCases)
    func errorCorrectionByte(level: EscPosQRErrorCorrection) throws {
        let bytes = try qrPrinter.qrCode([0x41], errorCorrection: level).bytes
        #expect(Array(bytes[17..<25]) == [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, level.rawValue])
    }

    @Test func longDataUsesBothLengthBytes() throws {
        let data = [UInt8](repeating: 0x61, count: 300)
        let bytes = try qrPrinter.qrCode(data).bytes
        #expect(Array(bytes[25..<33]) == [0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30])
        #expect(bytes.count == 9 + 8 + 8 + 8 + 300 + 8)
    }

    @Test func vietnameseTextIsStoredAsUTF8() throws {
        let bytes = try qrPrinter.qrCode("Hộ").bytes
        #expect(Array(bytes[25..<37]) == [0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30, 0x48, 0xE1, 0xBB, 0x99])
    }

    @Test func refusedWithoutNativeQR() {
        let plain = EscPosEncoder(profile: .escPosTest(nativeQR: false))
        #expect(throws: EscPosError.nativeQRNotSupported(profileID: "test-384")) { try plain.qrCode("A012") }
        #expect(
            EscPosError.nativeQRNotSupported(profileID: "generic-58mm").description
                == "printer profile \"generic-58mm\" has nativeQR = false: render the QR code as a raster image instead"
        )
    }

    @Test func refusesBadSizes() {
        #expect(throws: EscPosError.qrDataLength(count: 0)) { try qrPrinter.qrCode([UInt8]()) }
        #expect(throws: EscPosError.qrDataLength(count: 7090)) {
            try qrPrinter.qrCode([UInt8](repeating: 0x31, count: 7090))
        }
        #expect(throws: EscPosError.qrModuleSize(0)) { try qrPrinter.qrCode("A", moduleSize: 0) }
        #expect(throws: EscPosError.qrModuleSize(17)) { try qrPrinter.qrCode("A", moduleSize: 17) }
        #expect(EscPosError.qrModuleSize(17).description == "QR module size must be 1…16 dots, got 17")
    }
}
