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
