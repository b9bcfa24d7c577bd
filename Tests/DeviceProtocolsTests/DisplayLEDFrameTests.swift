import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct DisplayLEDFrameTests {
    static func profile(_ id: String) throws -> DisplayProfile {
        let profiles = try DisplayProfiles.load(directory: DisplayProfilesTests.repositoryProfiles)
        return try #require(profiles.first { $0.id == id })
    }

    static func led(_ frame: DisplayLEDFrame, cells: Int = 4) -> DisplayProfile {
        DisplayProfile(id: "led", name: "LED", kind: .ledFrame, columns: cells, rows: 1, frame: frame)
    }

    /// Check values ("123456789") of the CRC catalogue, and 8-bit sums worked by hand.
    @Test func checksumKinds() {
        let check = Array("123456789".utf8)
        #expect(DisplayChecksum.crc16Modbus.value(of: check) == 0x4B37)
        #expect(DisplayChecksum.crc16CCITT.value(of: check) == 0x29B1)
        // "A012" = 41 30 31 32: 41^30 = 71, ^31 = 40, ^32 = 72 (devices.md 4.2); with ETX 72^03 = 71.
        #expect(DisplayChecksum.xor.value(of: Array("A012".utf8)) == 0x72)
        #expect(DisplayChecksum.xor.value(of: Array("A012".utf8) + [0x03]) == 0x71)
        // 41+30+31+32 = 0xD4; complement 0x2B. 0xFF+0x02 wraps to 0x01.
        #expect(DisplayChecksum.sum8.value(of: Array("A012".utf8)) == 0xD4)
        #expect(DisplayChecksum.sum8Complement.value(of: Array("A012".utf8)) == 0x2B)
        #expect(DisplayChecksum.sum8.value(of: [0xFF, 0x02]) == 0x01)
        #expect(DisplayChecksum.none.value(of: check) == 0)
    }

    /// The Modbus spec's example "read 10 holding registers from 0 on unit 1": 01 03 00 00 00 0A, CRC C5 CD.
    /// By hand, first byte: FFFF ^ 01 = FFFE, then 8 steps (shift right; XOR A001 when the bit shifted out
    /// was 1): FFFE→7FFF→9FFE→4FFF→87FE→43FF→81FE→40FF→807E. Continuing over 03 00 00 00 0A the register
    /// ends at CDC5, sent low byte first: C5 CD. devices.md 4.1's worked frames are checked too.
    @Test func modbusCRCMatchesPublishedFrames() {
        #expect(DisplayChecksum.crc16Modbus.value(of: [0x01]) == 0x807E)
        #expect(DisplayChecksum.crc16Modbus.value(of: [0x01, 0x03, 0x00, 0x00, 0x00, 0x0A]) == 0xCDC5)
        #expect(DisplayChecksum.crc16Modbus.value(of: [0x01, 0x03, 0x00, 0x00, 0x00, 0x01]) == 0x0A84)
        #expect(DisplayChecksum.crc16Modbus.value(of: [0x01, 0x06, 0x00, 0x00, 0x00, 0x7B]) == 0xE9C9)
        #expect(DisplayChecksum.crc16Modbus.value(of: [0x01, 0x06, 0x00, 0x04, 0x00, 0x00]) == 0x0BC8)
    }

    /// Function 0x10 to register 0x0080, 2 registers, 4 bytes: A=77 0=3F 1=06 2=5B, CRC 0x2C92 low byte first.
    @Test func modbusBoardShowsLabelInSevenSegments() throws {
        let encoder = try DisplayEncoder(profile: Self.profile("led-modbus-rtu-4digit"))
        #expect(encoder.text(for: CounterDisplayState(counter: 3, label: "A012")) == ["A012"])
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012"), address: 1)
                == [0x01, 0x10, 0x00, 0x80, 0x00, 0x02, 0x04, 0x77, 0x3F, 0x06, 0x5B, 0x92, 0x2C])
        // Paused (and clear): all segments off; CRC of 01 10 00 80 00 02 04 00 00 00 00 is 0xCFFB.
        let blank: [UInt8] = [0x01, 0x10, 0x00, 0x80, 0x00, 0x02, 0x04, 0x00, 0x00, 0x00, 0x00, 0xFB, 0xCF]
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012", paused: true), address: 1) == blank)
        #expect(try encoder.clear(address: 1) == blank)
        // A letter 7 segments cannot draw (K) falls back to the number: "0012", unit 7, CRC 0x049B.
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3, label: "K012"), address: 7)
                == [0x07, 0x10, 0x00, 0x80, 0x00, 0x02, 0x04, 0x3F, 0x3F, 0x06, 0x5B, 0x9B, 0x04])
        #expect(encoder.brightnessCommand(2) == nil)
    }

    @Test func modbusAddressOutsideUnitIDsIsRefused() throws {
        let encoder = try DisplayEncoder(profile: Self.profile("led-modbus-rtu-4digit"))
        for address in [0, 248] {
            do {
                _ = try encoder.frame(for: CounterDisplayState(counter: 1, label: "A001"), address: address)
                Issue.record("address \(address) accepted")
            } catch {
                #expect(error.code == .addressOutOfRange)
                #expect(error.englishMessage.contains("1…247"))
                #expect(error.message.contains("1…247"))
            }
        }
    }

    /// STX 01 "A012" ETX, XOR over address and payload: 01 ^ 72 = 73.
    @Test func stxEtxBoardXorsAddressAndPayload() throws {
        let encoder = try DisplayEncoder(profile: Self.profile("led-stx-etx-xor"))
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012"), address: 1)
                == [0x02, 0x01, 0x41, 0x30, 0x31, 0x32, 0x03, 0x73])
        // Idle: four spaces, 01 ^ 20 ^ 20 ^ 20 ^ 20 = 01. Test pattern "8888": 01 ^ 38^38^38^38 = 01.
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3), address: 1)
                == [0x02, 0x01, 0x20, 0x20, 0x20, 0x20, 0x03, 0x01])
        #expect(try encoder.testPattern(address: 1) == [0x02, 0x01, 0x38, 0x38, 0x38, 0x38, 0x03, 0x01])
        // Short label right-aligned: " A12" at address 0x10 → 10^20^41^31^32 = 0x72.
        #expect(
            try encoder.frame(for: CounterDisplayState(counter: 3, label: "A12"), address: 0x10)
                == [0x02, 0x10, 0x20, 0x41, 0x31, 0x32, 0x03, 0x72])
    }

    /// Variants a vendor JSON can ask for: ETX inside the XOR, ASCII decimal address, sum8, length, CCITT big-endian.
    @Test func frameVariants() throws {
        var frame = DisplayLEDFrame(
            header: [0x02], address: DisplayLEDAddress(encoding: .byte, width: 1), command: [], length: nil,
            payload: DisplayLEDPayload(encoding: .ascii, content: .label), trailer: [0x03],
            checksum: DisplayLEDChecksumField(kind: .xor, from: .address, through: .trailer), end: [])
        let state = CounterDisplayState(counter: 2, label: "A012")
        // 01 ^ 71 (devices.md: "A012"+ETX = 71) = 70.
        #expect(
            try DisplayEncoder(profile: Self.led(frame)).frame(for: state, address: 1) == [
                0x02, 0x01, 0x41, 0x30, 0x31, 0x32, 0x03, 0x70,
            ])

        frame.address = DisplayLEDAddress(encoding: .asciiDecimal, width: 2)
        frame.command = [0x57]
        frame.length = DisplayLEDLength(width: 1)
        frame.payload = DisplayLEDPayload(encoding: .digits, content: .number)
        frame.checksum = DisplayLEDChecksumField(kind: .sum8, from: .address, through: .payload)
        frame.end = [0x0D]
        // "07" 'W' 04 "0012": 30+37+57+04+30+30+31+32 = 0x185 → 85.
        #expect(
            try DisplayEncoder(profile: Self.led(frame)).frame(for: state, address: 7)
                == [0x02, 0x30, 0x37, 0x57, 0x04, 0x30, 0x30, 0x31, 0x32, 0x03, 0x85, 0x0D])

        frame.address = DisplayLEDAddress(encoding: .asciiHex, width: 2)
        frame.length = DisplayLEDLength(width: 2, adjust: 1, byteOrder: .little)
        frame.payload = DisplayLEDPayload(encoding: .bcd, content: .number)
        frame.checksum = DisplayLEDChecksumField(kind: .crc16CCITT, from: .header, through: .trailer, byteOrder: .big)
        frame.end = []
        let bcd = try DisplayEncoder(profile: Self.led(frame))
        let body: [UInt8] = [0x02, 0x30, 0x41, 0x57, 0x03, 0x00, 0x00, 0x12, 0x03]
        let crc = DisplayChecksum.crc16CCITT.value(of: body)
        #expect(try bcd.frame(for: state, address: 10) == body + [UInt8(crc >> 8), UInt8(crc & 0xFF)])
        #expect(try bcd.frame(for: CounterDisplayState(counter: 2, paused: true), address: 10)[6...7] == [0xFF, 0xFF])
    }

    @Test(arguments: [
        (DisplayLEDPayload.Encoding.ascii, DisplayLEDPayload.Content.label, "A012", 5, " A012"),
        (.ascii, .label, "A0123", 4, "0123"),
        (.ascii, .number, "A012", 4, "0012"),
        (.digits, .label, "A012", 3, "012"),
        (.digits, .label, "A012", 6, "000012"),
        (.sevenSegment, .label, "b07", 4, " b07"),
    ])
    func cellText(
        encoding: DisplayLEDPayload.Encoding, content: DisplayLEDPayload.Content, label: String, cells: Int,
        expected: String
    ) {
        let payload = DisplayLEDPayload(encoding: encoding, content: content)
        #expect(payload.text(for: CounterDisplayState(counter: 1, label: label), cells: cells) == expected)
    }

    @Test func sevenSegmentBytes() {
        let payload = DisplayLEDPayload(encoding: .sevenSegment, content: .label)
        #expect(payload.bytes(cellText: "0123456789") == [0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F])
        #expect(payload.bytes(cellText: " -Ab") == [0x00, 0x40, 0x77, 0x7C])
    }
}
