/// What a key on an officer's caller keypad asks for; each is the same action as the staff page's button
/// for the counter the keypad is bound to.
public enum CallerCommand: Hashable, Sendable, CustomStringConvertible {
    case next
    case recall
    case serve
    case done
    case noShow
    /// Hand the current ticket to another field, named by its code (e.g. "HT").
    case transfer(fieldCode: String)

    /// The profile spelling: `next`, `recall`, `serve`, `done`, `no-show`, `transfer:<field code>`.
    public init?(profileValue: String) {
        switch profileValue {
        case "next": self = .next
        case "recall": self = .recall
        case "serve": self = .serve
        case "done": self = .done
        case "no-show": self = .noShow
        default:
            let prefix = "transfer:"
            guard profileValue.hasPrefix(prefix) else { return nil }
            let code = String(profileValue.dropFirst(prefix.count))
            guard !code.isEmpty,
                code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { return nil }
            self = .transfer(fieldCode: code)
        }
    }

    public var profileValue: String {
        switch self {
        case .next: "next"
        case .recall: "recall"
        case .serve: "serve"
        case .done: "done"
        case .noShow: "no-show"
        case .transfer(let code): "transfer:\(code)"
        }
    }

    public var description: String { profileValue }
}
