extension ReportPeriod {
    /// The heading printed on a report, e.g. “Quý I/2026 (15/12/2025 – 14/03/2026)”.
    public var label: String {
        switch kind {
        case .day: "Ngày \(first.vietnamese)"
        case .week: "Tuần \(number)/\(namedYear) \(range)"
        case .month: "Tháng \(VietnamTime.pad(number))/\(namedYear) \(range)"
        case .quarter: "Quý \(Self.roman[number - 1])/\(namedYear) \(range)"
        case .year: "Năm \(namedYear) \(range)"
        case .custom: "Từ \(first.vietnamese) đến \(last.vietnamese)"
        }
    }

    /// The same heading in English, e.g. “Q1 2026 (15/12/2025 – 14/03/2026)”.
    public var englishLabel: String {
        switch kind {
        case .day: "Day \(first.vietnamese)"
        case .week: "Week \(number) of \(namedYear) \(range)"
        case .month: "Month \(VietnamTime.pad(number))/\(namedYear) \(range)"
        case .quarter: "Q\(number) \(namedYear) \(range)"
        case .year: "Year \(namedYear) \(range)"
        case .custom: "From \(first.vietnamese) to \(last.vietnamese)"
        }
    }

    private var range: String { "(\(first.vietnamese) – \(last.vietnamese))" }

    private static let roman = ["I", "II", "III", "IV"]
}
