/// What a keypad press means once decoded: a citizen's rating or an officer's command.
public enum KeypadAction: Hashable, Sendable, CustomStringConvertible {
    case rating(KeypadRatingLevel)
    case caller(CallerCommand)

    public var description: String {
        switch self {
        case .rating(let level): "rating:\(level.rawValue)"
        case .caller(let command): "caller:\(command)"
        }
    }
}
