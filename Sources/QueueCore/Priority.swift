/// Priority classes served before others (người cao tuổi, người khuyết tật, …).
public enum Priority: String, Codable, Sendable, CaseIterable {
    case none, elderly, disabled, pregnant, infant, merit

    public var isPriority: Bool { self != .none }

    public var vietnameseName: String {
        switch self {
        case .none: "Thông thường"
        case .elderly: "Người cao tuổi"
        case .disabled: "Người khuyết tật"
        case .pregnant: "Phụ nữ mang thai"
        case .infant: "Người đi cùng trẻ nhỏ"
        case .merit: "Người có công"
        }
    }

    public var englishName: String {
        switch self {
        case .none: "Regular"
        case .elderly: "Elderly"
        case .disabled: "Disability"
        case .pregnant: "Pregnant"
        case .infant: "With infant"
        case .merit: "Meritorious person"
        }
    }
}
