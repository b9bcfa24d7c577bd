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
