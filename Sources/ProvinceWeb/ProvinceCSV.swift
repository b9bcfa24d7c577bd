import Hall
import Province

/// The province office's list of centres as CSV (`GET /api/v1/province/centres.csv?period=`): one row per centre and
/// the province's total, counts and the rates computed from them, Vietnamese headers with the English in brackets.
enum ProvinceCSV {
    static let header = [
        "Mã (Code)", "Tên (Name)", "Phiếu cấp (Issued)", "Đã phục vụ (Served)", "Vắng mặt (No-shows)", "Hẹn đến hạn (Promises due)",
        "Trả đúng hẹn (On time)", "Đúng hẹn % (On time %)", "Hồ sơ trong ngày (Same-day counted)",
        "Giải quyết trong ngày (Same-day resolved)", "Trong ngày % (Same-day %)", "Lượt đánh giá (Ratings)",
        "Hài lòng (Satisfied)", "Hài lòng % (Satisfaction %)", "Phản ánh (Feedback)", "Xử lý đúng hạn (Handled on time)",
        "Phản ánh đúng hạn % (Feedback on time %)",
    ]

    static func render(_ answer: ProvinceAnswer) -> [UInt8] {
        var lines: [[CSVDocument.Cell]] = [
            [.text("Kỳ báo cáo (Period)"), .text(answer.period.label), .text(answer.period.text)],
            header.map(CSVDocument.Cell.text),
        ]
        for centre in answer.centres { lines.append(row(centre.code, centre.name, centre.figures, centre.rates)) }
        lines.append(row("total", "Toàn tỉnh (Province)", answer.total.figures, answer.total.rates))
        return CSVDocument.render(lines)
    }

    static func row(_ code: String, _ name: String, _ f: CentreFigures, _ r: ProvinceAnswer.Rates) -> [CSVDocument.Cell] {
        let number = { (value: Int) in CSVDocument.Cell.number(String(value)) }
        let share = { (value: Double?) in CSVDocument.Cell.number(CSVDocument.percent(value)) }
        return [
            .text(code), .text(name), number(f.issued), number(f.served), number(f.noShows), number(f.promisesDue),
            number(f.promisesOnTime), share(r.onTime), number(f.sameDayCounted), number(f.sameDayResolved), share(r.sameDay),
            number(f.ratings), number(f.satisfied), share(r.satisfaction), number(f.feedbackReceived), number(f.feedbackHandledOnTime),
            share(r.feedbackHandled),
        ]
    }
}
