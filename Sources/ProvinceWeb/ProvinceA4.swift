import Hall
import Province
import QueueCore

/// The province's printable A4 report for a period (`GET /api/v1/province/centres.html?period=`): one
/// self-contained page (styles inline, no script), Vietnamese first with English beneath — the key figures of the
/// province against the targets, the centres ranked by their on-time rate, and the fields ranked against their own
/// satisfaction target. Print it, or "Save as PDF" from the browser.
enum ProvinceA4 {
    static func render(_ answer: ProvinceAnswer, asOf: String) -> [UInt8] {
        let e = A4Page.escape
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Báo cáo tỉnh \(e(answer.period.label))</title>
            <style>\(A4Page.style)</style>
            </head>
            <body>
            <header>
            <h1>Báo cáo tiếp nhận và giải quyết thủ tục hành chính toàn tỉnh</h1>
            <p class="en">Province reception and processing report</p>
            <p class="period">\(e(answer.period.label)) (\(e(answer.period.first)) → \(e(answer.period.last)))</p>
            <p class="asof">Lập lúc / as of: \(e(asOf)) · \(answer.centres.count) trung tâm / centres</p>
            </header>
            <h2>Chỉ tiêu toàn tỉnh <span class="en">Province figures</span></h2>
            <table><tr><th class="name">Chỉ tiêu (Figure)</th><th>Kết quả (Result)</th><th>Mục tiêu (Target)</th></tr>
            \(keyRow("Trả đúng hẹn (On time)", answer.total.rates.onTime, target: answer.targets.onTime))
            \(keyRow("Giải quyết trong ngày (Same day)", answer.total.rates.sameDay, target: nil))
            \(keyRow("Hài lòng (Satisfaction)", answer.total.rates.satisfaction, target: answer.targets.satisfaction))
            \(keyRow("Phản ánh xử lý đúng hạn (Feedback on time)", answer.total.rates.feedbackHandled, target: nil))
            <tr><td class="name">Phiếu cấp / đã phục vụ (Issued / served)</td><td>\(answer.total.figures.issued) / \
            \(answer.total.figures.served)</td><td></td></tr>
            <tr><td class="name">Chờ trung bình (Mean wait)</td><td>\(minutes(answer.total.rates.meanWaitMinutes))</td><td></td></tr>
            </table>
            <h2>Xếp hạng trung tâm <span class="en">Centres ranked by on-time rate</span></h2>
            <table><tr><th>#</th><th class="name">Trung tâm (Centre)</th><th>Đúng hẹn (On time)</th><th>Trong ngày (Same day)</th>
            <th>Hài lòng (Satisfaction)</th><th>Phản ánh (Feedback)</th><th>Chờ TB (Mean wait)</th><th>Phiếu (Issued)</th></tr>

            """
        let ranked = answer.centres.sorted { ($0.rates.onTime ?? -1, $1.code) > ($1.rates.onTime ?? -1, $0.code) }
        for (index, centre) in ranked.enumerated() {
            html += """
                <tr><td>\(index + 1)</td><td class="name">\(e(centre.code)) · \(e(centre.name))</td>\
                \(cell(centre.rates.onTime, target: answer.targets.onTime))\(cell(centre.rates.sameDay, target: nil))\
                \(cell(centre.rates.satisfaction, target: answer.targets.satisfaction))\(cell(centre.rates.feedbackHandled, target: nil))\
                <td>\(minutes(centre.rates.meanWaitMinutes))</td><td>\(centre.figures.issued)</td></tr>

                """
        }
        html += """
            </table>
            <h2>Xếp hạng lĩnh vực <span class="en">Fields ranked against their satisfaction target</span></h2>
            <table><tr><th>#</th><th class="name">Lĩnh vực (Field)</th><th>Hài lòng (Satisfaction)</th><th>Mục tiêu (Target)</th>
            <th>Đúng hẹn (On time)</th><th>Lượt đánh giá (Ratings)</th><th>Phiếu (Issued)</th></tr>

            """
        for field in answer.fields {
            html += """
                <tr><td>\(field.rank)</td><td class="name">\(e(field.field))</td>\
                \(cell(field.rates.satisfaction, target: field.satisfactionTarget))<td>\(percent(field.satisfactionTarget))</td>\
                \(cell(field.rates.onTime, target: field.onTimeTarget))<td>\(field.figures.ratings)</td><td>\(field.figures.issued)</td></tr>

                """
        }
        html += """
            </table>
            <footer>
            <p>Số liệu toàn tỉnh = cộng số đếm của các trung tâm; tỷ lệ = tổng tử số ÷ tổng mẫu số (không lấy trung bình các tỷ lệ).</p>
            <p class="en">Province figures sum the centres' counts; a rate is summed numerators over summed denominators.</p>
            </footer>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    static func keyRow(_ name: String, _ share: Double?, target: Double?) -> String {
        "<tr><td class=\"name\">\(name)</td>\(cell(share, target: target))<td>\(target.map { "≥ " + percent($0) } ?? "")</td></tr>"
    }

    static func cell(_ share: Double?, target: Double?) -> String {
        guard let share else { return "<td>—</td>" }
        guard let target else { return "<td>\(percent(share))</td>" }
        return "<td class=\"\(share >= target ? "met" : "notmet")\">\(percent(share))</td>"
    }

    static func percent(_ share: Double) -> String { ReportNumber.percent(share) + " %" }

    static func minutes(_ value: Double?) -> String {
        value.map { "\(ReportNumber.decimal($0)) phút (min)" } ?? "—"
    }
}
