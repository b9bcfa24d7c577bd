/// One 8-byte input report of a USB boot keyboard (HID 1.11 Appendix B): modifiers, a reserved byte and
/// up to six usage IDs of the keys held right now.
///
/// A report is a snapshot of what is held, not a list of presses; `HIDKeyTracker` diffs consecutive
/// snapshots into key-downs.
public struct HIDBootReport: Hashable, Sendable {
    public static let length = 8

    public let modifiers: HIDModifiers
    /// Usage IDs held, in slot order, without empty (0) slots or error values (0x01…0x03).
    public let keys: [UInt8]
    /// True when the slots carry ErrorRollOver (or another error value) instead of keys: too many keys
    /// are held to report. Such a report says nothing about which keys are down, so it must be ignored,
    /// not treated as "everything released".
    public let isPhantom: Bool

    /// Parses the first 8 bytes; nil when fewer arrived (a short or corrupt transfer). Extra bytes are
    /// ignored: some keypads pad their reports to the endpoint's packet size.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count >= Self.length else { return nil }
        let report = Array(bytes.prefix(Self.length))
        let slots = report[2..<Self.length]
        modifiers = HIDModifiers(rawValue: report[0])
        isPhantom = slots.contains { HIDUsage.isError($0) }
        keys = isPhantom ? [] : slots.filter { $0 != 0 }
    }

    public init(modifiers: HIDModifiers = [], keys: [UInt8]) {
        self.modifiers = modifiers
        self.keys = Array(keys.filter { $0 != 0 && !HIDUsage.isError($0) }.prefix(6))
        isPhantom = false
    }

    /// The 8 bytes a keyboard would send for this state (a phantom report has all six slots 0x01).
    public var bytes: [UInt8] {
        let slots = isPhantom ? [UInt8](repeating: HIDUsage.errorRollOver, count: 6) : keys
        return [modifiers.rawValue, 0] + slots + [UInt8](repeating: 0, count: 6 - slots.count)
    }
}

/// Byte 0 of a boot keyboard report: which modifier keys are held (usages 0xE0–0xE7, one bit each).
///
/// Keypads rarely send modifiers, but some send Shift with their own NumLock trick; the decoder ignores them
/// and decodes usage IDs only, so they are parsed for logs and tests rather than for meaning.
public struct HIDModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let leftControl = HIDModifiers(rawValue: 1 << 0)
    public static let leftShift = HIDModifiers(rawValue: 1 << 1)
    public static let leftAlt = HIDModifiers(rawValue: 1 << 2)
    public static let leftGUI = HIDModifiers(rawValue: 1 << 3)
    public static let rightControl = HIDModifiers(rawValue: 1 << 4)
    public static let rightShift = HIDModifiers(rawValue: 1 << 5)
    public static let rightAlt = HIDModifiers(rawValue: 1 << 6)
    public static let rightGUI = HIDModifiers(rawValue: 1 << 7)
}

/// Usage IDs of the Keyboard/Keypad page (0x07) that the keypad code needs by name.
/// See devices.md §5.2 and the HID Usage Tables.
public enum HIDUsage {
    /// Slot value when more keys are held than the report can list: the whole report is a phantom state.
    public static let errorRollOver: UInt8 = 0x01
    /// Power-on self test failed.
    public static let postFail: UInt8 = 0x02
    /// Undefined error.
    public static let errorUndefined: UInt8 = 0x03
    /// Enter on the main block.
    public static let enter: UInt8 = 0x28
    /// Enter on the numeric keypad.
    public static let keypadEnter: UInt8 = 0x58
    public static let numLock: UInt8 = 0x53

    /// True for 0x01…0x03, which are error indicators, not keys (Linux `usbkbd` skips them too).
    public static func isError(_ usage: UInt8) -> Bool { (1...3).contains(usage) }

    public static func isEnter(_ usage: UInt8) -> Bool { usage == enter || usage == keypadEnter }

    /// The digit a key types, for sequence keypads: 1…9, 0 on the top row (0x1E…0x27) and on the keypad
    /// (0x59…0x62), whatever NumLock says (keypads send the same usage either way). Nil for any other key.
    public static func digit(_ usage: UInt8) -> Character? {
        let index: UInt8
        switch usage {
        case 0x1E...0x27: index = usage - 0x1E
        case 0x59...0x62: index = usage - 0x59
        default: return nil
        }
        return Character(String((Int(index) + 1) % 10))
    }
}

/// Turns the stream of "keys held now" reports into key-down events, the way Linux `usbkbd` does: a key is
/// pressed when it is in this report and was not in the previous one.
///
/// So a key held across many reports, a second key joining it, or a rollover phantom never repeats a press.
/// Key-ups are not reported: keypads act on the press.
public struct HIDKeyTracker: Sendable {
    /// Keys held as of the last real (non-phantom) report.
    public private(set) var held: [UInt8] = []

    public init() {}

    /// The keys that went down with `report`, in slot order. A phantom report changes nothing, so the keys
    /// still held after the rollover clears are not pressed a second time.
    public mutating func keyDowns(_ report: HIDBootReport) -> [UInt8] {
        guard !report.isPhantom else { return [] }
        let pressed = report.keys.filter { !held.contains($0) }
        held = report.keys
        return pressed
    }

    /// Forgets what was held (after a reconnect the first report starts from "nothing held").
    public mutating func reset() {
        held = []
    }
}
