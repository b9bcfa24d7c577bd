import DeviceProtocols

/// Turns typed text ("1", "12\n") into the boot reports a keypad would send — a key-down report and a
/// release per key — using the usage IDs the profile listens to (top-row digits, or keypad digits when
/// the profile maps only those).
enum KeyTyping {
    static func reports(for keys: String, profile: KeypadProfile) -> [[UInt8]]? {
        let keypad = profile.mode == .singleKey && !profile.keys.keys.contains { (0x1E...0x28).contains($0) }
        var reports: [[UInt8]] = []
        for key in keys {
            guard let usage = usage(key, keypad: keypad) else { return nil }
            reports.append([0, 0, usage, 0, 0, 0, 0, 0])
            reports.append([0, 0, 0, 0, 0, 0, 0, 0])
        }
        return reports
    }

    static func usage(_ key: Character, keypad: Bool) -> UInt8? {
        if key == "\n" || key == "\r" { return keypad ? HIDUsage.keypadEnter : HIDUsage.enter }
        guard let digit = key.wholeNumberValue, key.isASCII else { return nil }
        let index = UInt8(digit == 0 ? 9 : digit - 1)
        return (keypad ? 0x59 : 0x1E) + index
    }
}
