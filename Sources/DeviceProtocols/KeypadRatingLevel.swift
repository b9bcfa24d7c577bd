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
