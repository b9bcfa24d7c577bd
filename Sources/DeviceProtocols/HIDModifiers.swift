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
