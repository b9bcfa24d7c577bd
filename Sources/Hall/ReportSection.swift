import QueueCore
import QueueStore

/// The report's dimensions in the order every format prints them, with their bilingual titles and the
/// readable name of each row key (field name, "Quầy 3", "08:00–08:59", "Thứ Hai").
enum ReportSection: CaseIterable {
    case total, field, counter, staff, hour, weekday

    var title: String {
        switch self {
        case .total: "Toàn trung tâm"
        case .field: "Theo lĩnh vực"
        case .counter: "Theo quầy"
        case .staff: "Theo cán bộ"
        case .hour: "Theo giờ lấy số"
        case .weekday: "Theo thứ trong tuần"
        }
    }

    var englishTitle: String {
        switch self {
        case .total: "Whole centre"
        case .field: "By field"
        case .counter: "By counter"
        case .staff: "By staff member"
        case .hour: "By hour of issue"
        case .weekday: "By day of week"
        }
    }

    func rows(_ report: PeriodReport) -> [ReportFigures] {
        switch self {
        case .total: [report.figures.total]
        case .field: report.figures.byField
        case .counter: report.figures.byCounter
        case .staff: report.figures.byStaff
        case .hour: report.figures.byHour
        case .weekday: report.figures.byWeekday
        }
    }

    /// The row's name, Vietnamese then English in brackets where they differ.
    func name(_ key: String, in report: PeriodReport) -> String {
        switch self {
        case .total: "Toàn trung tâm (Whole centre)"
        case .field: "\(report.fieldName(key).name) (\(report.fieldName(key).nameEn))"
        case .counter: "Quầy \(key) (Counter \(key))"
        case .staff: report.staffNames[key].map { "\($0) (\(key))" } ?? key
        case .hour: "\(key):00–\(key):59"
        case .weekday: Self.weekdayName(key)
        }
    }

    static func weekdayName(_ key: String) -> String {
        guard let day = Int(key), (1...7).contains(day) else { return key }
        return "\(DayKey.vietnameseWeekdays[day - 1]) (\(DayKey.englishWeekdays[day - 1]))"
    }
}
