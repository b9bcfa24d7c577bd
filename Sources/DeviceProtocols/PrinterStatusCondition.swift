/// Something about the printer a person must know, in the order the kiosk should show them: the first one
/// present is the most useful thing to fix (a cover open also makes the printer offline, so "cover open"
/// comes before "offline").
public enum PrinterStatusCondition: String, Sendable, CaseIterable, Comparable {
    case noReply
    case coverOpen
    case paperOut
    case error
    case offline
    case paperNearEnd

    /// Whether a ticket can still be printed with this condition (only "near end" allows it).
    public var blocksPrinting: Bool { self != .paperNearEnd }

    /// Text for the kiosk and the supervisor screen; Vietnamese is the default language.
    public var vietnamese: String {
        switch self {
        case .noReply: "Máy in không phản hồi (kiểm tra cáp và nguồn điện)"
        case .coverOpen: "Nắp máy in đang mở"
        case .paperOut: "Máy in hết giấy"
        case .error: "Máy in gặp lỗi"
        case .offline: "Máy in đang ngoại tuyến"
        case .paperNearEnd: "Máy in sắp hết giấy"
        }
    }

    public var english: String {
        switch self {
        case .noReply: "Printer not responding (check cable and power)"
        case .coverOpen: "Printer cover open"
        case .paperOut: "Printer out of paper"
        case .error: "Printer error"
        case .offline: "Printer offline"
        case .paperNearEnd: "Printer paper nearly out"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
