/// Bytes for one counter display, whatever its kind: the one type the device loop calls.
///
/// Character displays get a whole self-contained screen per update (reset, brightness, every row), so a
/// display that was unplugged or power-cycled is fully redrawn by the next frame; they have no bus address
/// and ignore `address`. LED boards get one frame addressed to `address` (checked against the profile).
public struct DisplayEncoder: Sendable {
    public let profile: DisplayProfile
    /// 1…4, sent with every character-display screen; starts at the profile's `brightness`.
    public var brightness: Int

    /// Validates the profile again, so hand-built profiles get the same checks as loaded ones.
    public init(profile: DisplayProfile) throws(DisplayProfilesError) {
        try DisplayProfiles.validate(profile, file: profile.id)
        self.profile = profile
        brightness = profile.brightness
    }

    /// The text the display shows for `state`: its rows (character displays) or one string of cells.
    public func text(for state: CounterDisplayState) -> [String] {
        if let frame = profile.frame { return [frame.payload.text(for: state, cells: profile.columns)] }
        return DisplayTextLayout.lines(for: state, columns: profile.columns, rows: profile.rows)
    }

    /// Everything to write so the display shows `state`.
    public func frame(for state: CounterDisplayState, address: Int = 0) throws(DisplayProfilesError) -> [UInt8] {
        try bytes(text(for: state), address: address)
    }

    /// Every cell lit: "8" in every LED cell; "0123…" and "ABC…" rows on character displays.
    public func testPattern(address: Int = 0) throws(DisplayProfilesError) -> [UInt8] {
        if profile.frame != nil { return try bytes([String(repeating: "8", count: profile.columns)], address: address) }
        return try bytes(DisplayTextLayout.testPattern(columns: profile.columns, rows: profile.rows), address: address)
    }

    /// A blank display (`FF` on character displays, an all-blank frame on LED boards).
    public func clear(address: Int = 0) throws(DisplayProfilesError) -> [UInt8] {
        switch profile.kind {
        case .epsonDMD: DisplayDMDEncoder.clear
        case .cd5220: DisplayCD5220Encoder.clear
        case .ledFrame: try frame(for: CounterDisplayState(counter: 0), address: address)
        }
    }

    /// The brightness command alone (1…4, clamped); nil for LED boards, which have none in common.
    public func brightnessCommand(_ level: Int) -> [UInt8]? {
        switch profile.kind {
        case .epsonDMD: DisplayDMDEncoder.brightness(level)
        case .cd5220: DisplayCD5220Encoder.brightness(level)
        case .ledFrame: nil
        }
    }

    private func bytes(_ text: [String], address: Int) throws(DisplayProfilesError) -> [UInt8] {
        switch profile.kind {
        case .epsonDMD:
            return DisplayDMDEncoder.screen(lines: text, brightness: brightness)
        case .cd5220:
            return DisplayCD5220Encoder.screen(lines: text, brightness: brightness)
        case .ledFrame:
            guard let frame = profile.frame else { return [] }
            let range = frame.address.encoding == .none ? address...address : frame.address.range
            guard range.contains(address) else { throw .addressOutOfRange(address, profile: profile, range: range) }
            return frame.bytes(payloadBytes: frame.payload.bytes(cellText: text.first ?? ""), address: address)
        }
    }
}

/// CD5220 pole-display commands (devices.md 3.2). Text must already be printable ASCII (the tested unit
/// renders only 32–126), at most 20 characters per line.
public enum DisplayCD5220Encoder {
    /// `ESC @`.
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// `FF`: clear, also leaves the "string mode" that `ESC Q A/B` enters.
    public static let clear: [UInt8] = [0x0C]

    /// `ESC l x y`: column 1–20, row 1–2.
    public static func moveCursor(column: Int, row: Int) -> [UInt8] {
        [0x1B, 0x6C, UInt8(clamping: column), UInt8(clamping: row)]
    }

    /// `ESC * n`, n = 1…4; out-of-range levels are clamped.
    public static func brightness(_ level: Int) -> [UInt8] {
        [0x1B, 0x2A, UInt8(min(4, max(1, level)))]
    }

    /// `ESC Q A text CR` (upper line) or `ESC Q B text CR` (lower line).
    public static func writeLine(_ text: String, row: Int) -> [UInt8] {
        [0x1B, 0x51, row == 1 ? 0x41 : 0x42] + DisplayTransliteration.bytes(text) + [0x0D]
    }

    /// A whole screen: reset, brightness, upper line, lower line (self-contained like the DM-D screen).
    public static func screen(lines: [String], brightness level: Int) -> [UInt8] {
        var bytes = initialize + brightness(level)
        for (index, line) in lines.prefix(2).enumerated() { bytes += writeLine(line, row: index + 1) }
        return bytes
    }
}

/// Epson DM-D customer-display commands (devices.md 3.1). Text must already be printable ASCII
/// (`DisplayTransliteration`).
public enum DisplayDMDEncoder {
    /// `ESC @`: reset, clears the screen and the modes.
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// `FF`: clear the screen, cursor home.
    public static let clear: [UInt8] = [0x0C]

    /// `US $ x y`, 1-based, column first.
    public static func moveCursor(column: Int, row: Int) -> [UInt8] {
        [0x1F, 0x24, UInt8(clamping: column), UInt8(clamping: row)]
    }

    /// `US X n`, n = 1…4 (25 % steps); out-of-range levels are clamped.
    public static func brightness(_ level: Int) -> [UInt8] {
        [0x1F, 0x58, UInt8(min(4, max(1, level)))]
    }

    /// A whole screen: reset, brightness, then each row written from its first column. Resetting first makes
    /// every frame self-contained, so a display that was power-cycled or received garbage is fully redrawn.
    public static func screen(lines: [String], brightness level: Int) -> [UInt8] {
        var bytes = initialize + brightness(level)
        for (index, line) in lines.enumerated() {
            bytes += moveCursor(column: 1, row: index + 1) + DisplayTransliteration.bytes(line)
        }
        return bytes
    }
}

/// What one counter's display should show right now. The display layer turns it into text (transliterated)
/// and then bytes; the caller keeps the latest state so a display that comes back is re-driven with it.
public struct CounterDisplayState: Sendable, Equatable {
    /// The counter number, shown as "Quay 3".
    public var counter: Int
    /// The ticket being called or served, e.g. "A012"; nil when the counter has nobody.
    public var label: String?
    /// A paused counter shows "Tam dung" (character displays) or nothing (LED boards), never a number.
    public var paused: Bool
    /// A short text that replaces the second line for a while, e.g. "Cảm ơn quý khách" after a rating.
    /// It wins over "Tam dung" because it answers something the citizen just did; LED boards ignore it.
    public var message: String?

    public init(counter: Int, label: String? = nil, paused: Bool = false, message: String? = nil) {
        self.counter = counter
        self.label = label
        self.paused = paused
        self.message = message
    }
}
