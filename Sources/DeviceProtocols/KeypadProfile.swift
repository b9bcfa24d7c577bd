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

/// Who a keypad is for: the citizen rating the service, or the officer calling numbers.
public enum KeypadKind: String, Sendable, Hashable, CaseIterable {
    case rating
    case caller
}

/// How a keypad's key presses become actions.
public enum KeypadMode: String, Sendable, Hashable, CaseIterable {
    /// Each mapped key acts on its own as soon as it goes down.
    case singleKey = "single-key"
    /// Digits are collected until Enter (0x28 or keypad 0x58); the typed text is looked up in `sequences`.
    /// For keypads whose buttons are programmed to type e.g. "2⏎".
    case sequenceEnter = "sequence-enter"
}

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

/// Which USB devices a keypad profile applies to.
public enum KeypadMatchRule: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this VID:PID.
    case vendorProduct(vendorID: UInt16, productID: UInt16)
    /// Any device with a HID boot keyboard interface (class 3, subclass 1, protocol 1). Generic keypads
    /// reuse keyboard-controller ids, so the class is the only reliable sign — but an ordinary keyboard
    /// matches too, so such a keypad must be bound to a counter by an admin before it acts.
    case bootKeyboard

    public static let hidClass: UInt8 = 3
    public static let bootSubclass: UInt8 = 1
    public static let keyboardProtocol: UInt8 = 1

    public var description: String {
        switch self {
        case .vendorProduct(let vendor, let product): "\(Self.hex4(vendor)):\(Self.hex4(product))"
        case .bootKeyboard: "class 03/01/01"
        }
    }

    static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The four satisfaction levels a rating keypad offers, 1 (best) to 4 (worst), as the keypad buttons are
/// usually printed. The raw value is what profiles and the store use.
public enum KeypadRatingLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    case veryPleased = 1
    case pleased = 2
    case neutral = 3
    case displeased = 4

    public var vietnameseName: String {
        switch self {
        case .veryPleased: "Rất hài lòng"
        case .pleased: "Hài lòng"
        case .neutral: "Bình thường"
        case .displeased: "Không hài lòng"
        }
    }

    public var englishName: String {
        switch self {
        case .veryPleased: "Very satisfied"
        case .pleased: "Satisfied"
        case .neutral: "Neutral"
        case .displeased: "Not satisfied"
        }
    }

    public static func < (lhs: KeypadRatingLevel, rhs: KeypadRatingLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

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
