/// Who a keypad is for: the citizen rating the service, or the officer calling numbers.
public enum KeypadKind: String, Sendable, Hashable, CaseIterable {
    case rating
    case caller
}
