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
