import QueueCore
public import QueueStore

/// The report as a plain-text table for the terminal (`khongcho report`): Vietnamese headings, English in
/// brackets, columns padded by character count so Vietnamese letters line up in a monospaced terminal.
public enum ReportText {
    public static func render(_ report: PeriodReport) -> String {
        var out = "Báo cáo tiếp nhận và giải quyết (Reception report) — \(report.centreName)\n"
        out += "\(report.period.label) / \(report.period.englishLabel)\n"
        out += "Lập lúc (as of): \(VietnamTime.iso8601(report.asOf))\n"
        let total = report.figures.total
        out += "\nChỉ tiêu chính (key figures)\n"
        out += line("Hài lòng (satisfaction)", total.satisfactionRate, total.satisfactionTarget, total.satisfactionMet)
        out += line("Đúng hẹn (on time)", total.promisesOnTimeRate, total.promisesOnTimeTarget, total.promisesOnTimeMet)
        for field in report.figures.byField {
            out += line(
                "Hài lòng – \(report.fieldName(field.key).name)", field.satisfactionRate, field.satisfactionTarget,
                field.satisfactionMet)
        }
        let headers = [
            "", "Phiếu", "Phục vụ", "Vắng", "Chuyển", "Chờ TB", "P50", "P90", "Tối đa", "Trong MT%", "Phục vụ TB",
            "Trong ngày%", "Đúng hẹn%", "Đánh giá", "Hài lòng%",
        ]
        for section in ReportSection.allCases {
            out += "\n\(section.title) (\(section.englishTitle)) — phút / minutes\n"
            var table = [headers]
            for f in section.rows(report) {
                table.append(
                    [
                        section.name(f.key, in: report), String(f.issued), String(f.served), String(f.noShows),
                        String(f.transferred), ReportNumber.minutes(f.waitMeanSeconds), ReportNumber.minutes(f.waitP50Seconds),
                        ReportNumber.minutes(f.waitP90Seconds), ReportNumber.minutes(f.waitMaxSeconds),
                        ReportNumber.percent(f.withinTargetShare), ReportNumber.minutes(f.serviceMeanSeconds),
                        ReportNumber.percent(f.sameDayRate), ReportNumber.percent(f.promisesOnTimeRate), String(f.ratings),
                        ReportNumber.percent(f.satisfactionRate),
                    ].map { $0.isEmpty ? "—" : $0 })
            }
            out += align(table)
        }
        let accuracy = report.estimateAccuracy.total
        out +=
            "\nƯớc tính thời gian chờ (wait estimates): \(accuracy.tickets) phiếu, sai số tuyệt đối TB (MAE) "
            + "\(ReportNumber.minutes(accuracy.meanAbsoluteErrorSeconds)) phút, độ lệch (bias) "
            + "\(ReportNumber.minutes(accuracy.biasSeconds)) phút\n"
        return out
    }

    static func line(_ name: String, _ rate: Double?, _ target: Double, _ met: Bool?) -> String {
        let status = met.map { $0 ? "Đạt (met)" : "Chưa đạt (not met)" } ?? "chưa có dữ liệu (no data)"
        return
            "  \(name): \(rate.map { ReportNumber.percent($0) + " %" } ?? "—") / mục tiêu ≥ \(ReportNumber.percent(target)) % — \(status)\n"
    }

    /// First column left-aligned, the rest right-aligned.
    static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
