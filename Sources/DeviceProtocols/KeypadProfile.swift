/// One keypad model, from `devices/keypads/*.json`: how to recognise it and what its keys mean.
///
/// Adding a keypad model is adding a file. Keys are named by HID usage ID, never by the character they type,
/// because cheap keypads toggle NumLock themselves and the same button types "1" or "End".
public struct KeypadProfile: Hashable, Sendable {
    public static let defaultDebounceSeconds = 2.0
    public static let defaultSequenceTimeoutSeconds = 5.0

    public let id: String
    public let name: String
    public let kind: KeypadKind
    public let match: KeypadMatchRule
    public let mode: KeypadMode
    /// `single-key`: usage ID → action. Empty for `sequence-enter`.
    public let keys: [UInt8: KeypadAction]
    /// `sequence-enter`: typed digits (without Enter) → action. Empty for `single-key`.
    public let sequences: [String: KeypadAction]
    /// The same action again within this many seconds counts once (key bounce, a citizen pressing twice).
    public let debounceSeconds: Double
    /// Digits typed without Enter are dropped after this many seconds of silence.
    public let sequenceTimeoutSeconds: Double

    public init(
        id: String, name: String, kind: KeypadKind, match: KeypadMatchRule, mode: KeypadMode,
        keys: [UInt8: KeypadAction] = [:], sequences: [String: KeypadAction] = [:],
        debounceSeconds: Double = Self.defaultDebounceSeconds,
        sequenceTimeoutSeconds: Double = Self.defaultSequenceTimeoutSeconds
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.match = match
        self.mode = mode
        self.keys = keys
        self.sequences = sequences
        self.debounceSeconds = debounceSeconds
        self.sequenceTimeoutSeconds = sequenceTimeoutSeconds
    }
}
