/// What a signed-in person may do. Each role includes the ones before it.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Calls and serves tickets at their own counter.
    case staff
    /// Any counter, live dashboard and reports.
    case supervisor
    /// Catalog, users and devices as well.
    case admin

    var rank: Int {
        switch self {
        case .staff: 0
        case .supervisor: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
