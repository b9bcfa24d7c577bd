public import Foundation

/// One satisfaction rating. Levels follow the citizen's form: 1 = rất hài lòng (very satisfied), 2 = hài lòng
/// (satisfied), 3 = bình thường (neutral), 4 = không hài lòng (dissatisfied); levels 1 and 2 count as satisfied.
public struct ReportRating: Sendable, Equatable {
    public var at: Date
    public var counter: Int?
    public var field: String?
    public var staff: String?
    public var level: Int

    public init(at: Date, counter: Int? = nil, field: String? = nil, staff: String? = nil, level: Int) {
        self.at = at
        self.counter = counter
        self.field = field
        self.staff = staff
        self.level = level
    }

    public var isSatisfied: Bool { level == 1 || level == 2 }
}
