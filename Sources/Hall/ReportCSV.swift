import Foundation
import QueueCore
import QueueStore

/// The report as CSV for Excel and the centre's upward reporting.
///
/// UTF-8 with a byte-order mark (EF BB BF, without which Excel reads Vietnamese as Windows-1252), CRLF line ends
/// and RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled). A short preamble names
/// the centre and period; then one section per dimension — total, field, counter, staff, hour, weekday — the
/// estimate accuracy, the calls out of order with their reasons, feedback handling and the reasons for dissatisfaction, each a title line, one header line and its rows, separated by an empty line. Headers are
/// Vietnamese with the English in brackets on the same line (one header line keeps Excel's filters and pivot
/// tables working). Numbers use '.' decimals; waits and service times are minutes with one decimal, shares are
/// percentages with one decimal (no '%' sign, so they stay numbers); an empty cell means "no data".
///
/// Text cells are neutralised against formula injection (OWASP "CSV injection"): a name, code or label that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a field or officer named
/// `=HYPERLINK(…)` is shown as text instead of run by the spreadsheet. Number cells are written as they are,
/// so a negative bias (`-1.5`) stays a number.
enum ReportCSV {
    /// One cell: text (neutralised) or a figure (written as it is).
    enum Cell: Equatable {
        case text(String)
        case number(String)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let header = [
        "Mã (Code)", "Tên (Name)", "Phiếu cấp (Issued)", "Đã phục vụ (Served)", "Vắng mặt (No-shows)",
        "Chuyển lĩnh vực (Transferred)", "Chờ TB phút (Mean wait min)", "Chờ P50 phút (Wait p50 min)",
        "Chờ P90 phút (Wait p90 min)", "Chờ tối đa phút (Max wait min)", "Trong mục tiêu % (Within target %)",
        "Phục vụ TB phút (Mean service min)", "Giải quyết trong ngày % (Same-day resolved %)",
        "Hẹn đến hạn (Promises due)", "Trả đúng hẹn % (On time %)", "Mục tiêu đúng hẹn % (On-time target %)",
        "Đạt đúng hẹn (On-time met)", "Lượt đánh giá (Ratings)", "Rất hài lòng (Very satisfied)",
        "Hài lòng (Satisfied)", "Bình thường (Neutral)", "Không hài lòng (Dissatisfied)",
        "Tỷ lệ hài lòng % (Satisfaction %)", "Mục tiêu hài lòng % (Satisfaction target %)",
        "Đạt hài lòng (Satisfaction met)",
    ]

    static let estimateHeader = [
        "Mã (Code)", "Tên (Name)", "Phiếu đo (Tickets measured)",
        "Sai số tuyệt đối TB phút (Mean absolute error min)", "Độ lệch TB phút (Bias min)",
    ]

    static let outOfOrderHeader = [
        "Lúc (At)", "Số (Ticket)", "Lĩnh vực (Field)", "Quầy (Counter)", "Cán bộ (Officer)", "Số phiếu vượt (Tickets passed)",
        "Lý do (Reason)",
    ]

    static func render(_ report: PeriodReport) -> [UInt8] {
        var lines: [[Cell]] = [
            [.text("Báo cáo tiếp nhận và giải quyết (Reception report)"), .text(report.centreName)],
            [.text("Kỳ báo cáo (Period)"), .text(report.period.label), .text(report.period.englishLabel)],
            [.text("Mã kỳ (Period code)"), .text(report.period.text)],
            [.text("Lập lúc (As of)"), .text(VietnamTime.iso8601(report.asOf))],
        ]
        for section in ReportSection.allCases {
            lines.append([])
            lines.append([.text("\(section.title) (\(section.englishTitle))")])
            lines.append(header.map(Cell.text))
            for figures in section.rows(report) {
                lines.append(row(figures, name: section.name(figures.key, in: report)))
            }
        }
        lines.append([])
        lines.append([.text("Độ chính xác ước tính thời gian chờ (Wait estimate accuracy)")])
        lines.append(estimateHeader.map(Cell.text))
        let accuracy = report.estimateAccuracy
        for item in [accuracy.total] + accuracy.byField {
            let name = item.key == "total" ? ReportSection.total.name("total", in: report) : ReportSection.field.name(item.key, in: report)
            lines.append([
                .text(item.key), .text(name), .number(String(item.tickets)), .number(ReportNumber.minutes(item.meanAbsoluteErrorSeconds)),
                .number(ReportNumber.minutes(item.biasSeconds)),
            ])
        }
        lines.append([])
        lines.append([.text("Gọi không theo thứ tự (Calls out of order)")])
        lines.append(outOfOrderHeader.map(Cell.text))
        for call in report.outOfOrderCalls {
            lines.append([
                .text(VietnamTime.iso8601(call.at)), .text(call.ticket), .text(report.fieldName(call.field).name),
                .number(String(call.counter)), .text(call.staff ?? ""), .number(String(call.skipped)), .text(call.reason),
            ])
        }
        lines.append([])
        lines.append([.text("Phản ánh, kiến nghị (Feedback)")])
        lines.append(CitizenVoiceText.feedbackHeader.map(Cell.text))
        lines.append(CitizenVoiceText.feedbackRow(report.citizenVoice).map(Cell.number))
        lines.append([])
        lines.append([.text("Lý do chưa hài lòng (Why not satisfied)")])
        lines.append([.text("Lý do (Reason)"), .text("Lượt (Ratings)")])
        for (reason, count) in CitizenVoiceText.reasonRows(report.citizenVoice) { lines.append([.text(reason), .number(String(count))]) }
        var text = ""
        for line in lines {
            text += line.map(encode).joined(separator: ",")
            text += "\r\n"
        }
        return byteOrderMark + Array(text.utf8)
    }

    /// One data row, in `header` order.
    static func row(_ f: ReportFigures, name: String) -> [Cell] {
        let figures: [String] = [
            String(f.issued), String(f.served), String(f.noShows), String(f.transferred),
            ReportNumber.minutes(f.waitMeanSeconds), ReportNumber.minutes(f.waitP50Seconds),
            ReportNumber.minutes(f.waitP90Seconds), ReportNumber.minutes(f.waitMaxSeconds),
            ReportNumber.percent(f.withinTargetShare), ReportNumber.minutes(f.serviceMeanSeconds),
            ReportNumber.percent(f.sameDayRate), String(f.promisesDue), ReportNumber.percent(f.promisesOnTimeRate),
            ReportNumber.percent(f.promisesOnTimeTarget),
        ]
        let ratings = [String(f.ratings)] + f.ratingLevels.map { String($0) }
        let satisfaction = [ReportNumber.percent(f.satisfactionRate), ReportNumber.percent(f.satisfactionTarget)]
        return [.text(f.key), .text(name)] + figures.map(Cell.number) + [.text(met(f.promisesOnTimeMet))]
            + ratings.map(Cell.number) + satisfaction.map(Cell.number) + [.text(met(f.satisfactionMet))]
    }

    static func met(_ value: Bool?) -> String {
        switch value {
        case true?: "Đạt (met)"
        case false?: "Chưa đạt (not met)"
        case nil: ""
        }
    }

    /// The cell as it goes into the file: text neutralised, then quoted; figures only quoted.
    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): quote(neutralise(text))
        case .number(let figure): quote(figure)
        }
    }

    /// A leading `'` before a text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR).
    static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
