import Testing

@testable import DeviceProtocols

@Suite struct DisplayEncoderTests {
    static let dmd = DisplayProfile(id: "dmd", name: "DM-D", kind: .epsonDMD, columns: 20, rows: 2, brightness: 4)
    static let cd5220 = DisplayProfile(id: "cd", name: "CD5220", kind: .cd5220, columns: 20, rows: 2, brightness: 2)

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func dmdScreenIsResetBrightnessAndPositionedLines() throws {
        let encoder = try DisplayEncoder(profile: Self.dmd)
        let bytes = try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012"), address: 9)
        let expected: [UInt8] =
            [0x1B, 0x40, 0x1F, 0x58, 0x04, 0x1F, 0x24, 0x01, 0x01] + Self.ascii("Quay 3          A012")
            + [0x1F, 0x24, 0x01, 0x02] + Self.ascii("Moi so A012         ")
        #expect(bytes == expected)
        #expect(bytes.count == 2 + 3 + 2 * (4 + 20))
    }

    @Test func dmdCommands() throws {
        var encoder = try DisplayEncoder(profile: Self.dmd)
        #expect(try encoder.clear() == [0x0C])
        #expect(encoder.brightnessCommand(1) == [0x1F, 0x58, 0x01])
        #expect(encoder.brightnessCommand(9) == [0x1F, 0x58, 0x04])
        #expect(DisplayDMDEncoder.moveCursor(column: 20, row: 2) == [0x1F, 0x24, 0x14, 0x02])
        encoder.brightness = 2
        let paused = try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012", paused: true))
        #expect(
            paused == [0x1B, 0x40, 0x1F, 0x58, 0x02, 0x1F, 0x24, 0x01, 0x01] + Self.ascii("Quay 3              ")
                + [0x1F, 0x24, 0x01, 0x02] + Self.ascii("Tam dung            "))
        #expect(
            try encoder.testPattern() == [0x1B, 0x40, 0x1F, 0x58, 0x02, 0x1F, 0x24, 0x01, 0x01]
                + Self.ascii("01234567890123456789") + [0x1F, 0x24, 0x01, 0x02] + Self.ascii("ABCDEFGHIJKLMNOPQRST"))
    }

    @Test func cd5220ScreenUsesWholeLineCommands() throws {
        let encoder = try DisplayEncoder(profile: Self.cd5220)
        let bytes = try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012", message: "Cảm ơn quý khách"))
        let expected: [UInt8] =
            [0x1B, 0x40, 0x1B, 0x2A, 0x02, 0x1B, 0x51, 0x41] + Self.ascii("Quay 3          A012") + [0x0D]
            + [0x1B, 0x51, 0x42] + Self.ascii("Cam on quy khach    ") + [0x0D]
        #expect(bytes == expected)
        #expect(try encoder.clear() == [0x0C])
        #expect(encoder.brightnessCommand(3) == [0x1B, 0x2A, 0x03])
        #expect(DisplayCD5220Encoder.moveCursor(column: 1, row: 2) == [0x1B, 0x6C, 0x01, 0x02])
    }

    @Test func textOfACharacterDisplay() throws {
        let encoder = try DisplayEncoder(profile: Self.cd5220)
        #expect(
            encoder.text(for: CounterDisplayState(counter: 6, label: "C001")) == [
                "Quay 6          C001", "Moi so C001         ",
            ])
    }

    @Test func invalidHandBuiltProfileIsRefused() {
        var profile = Self.cd5220
        profile.columns = 40
        #expect(throws: DisplayProfilesError.self) { try DisplayEncoder(profile: profile) }
        profile = Self.dmd
        profile.brightness = 0
        do {
            _ = try DisplayEncoder(profile: profile)
            Issue.record("brightness 0 accepted")
        } catch {
            #expect(error.code == .invalidValue && error.field == "brightness")
        }
    }
}
