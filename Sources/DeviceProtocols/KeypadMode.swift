/// How a keypad's key presses become actions.
public enum KeypadMode: String, Sendable, Hashable, CaseIterable {
    /// Each mapped key acts on its own as soon as it goes down.
    case singleKey = "single-key"
    /// Digits are collected until Enter (0x28 or keypad 0x58); the typed text is looked up in `sequences`.
    /// For keypads whose buttons are programmed to type e.g. "2⏎".
    case sequenceEnter = "sequence-enter"
}
