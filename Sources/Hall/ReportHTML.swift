import QueueCore
import QueueStore

/// The printable report: one self-contained A4 HTML page (styles and SVG charts inline, no script, no external
/// file), Vietnamese first with English beneath, so it prints the same from any browser or opens offline.
///
/// Order: heading with the period label, the key figures against their targets (met / not met), three charts
/// (waits by hour, tickets by field, satisfaction by field against each field's target), one table per
/// dimension, the estimate accuracy and the definitions.
enum ReportHTML {
    static func render(_ report: PeriodReport) -> [UInt8] {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Báo cáo \(escape(report.period.label))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>Báo cáo tiếp nhận và giải quyết thủ tục hành chính</h1>
            <p class="en">Reception and processing report</p>
            <p class="centre">\(escape(report.centreName))</p>
            <p class="period">\(escape(report.period.label))</p>
            <p class="en">\(escape(report.period.englishLabel))</p>
            <p class="asof">Lập lúc / as of: \(escape(VietnamTime.iso8601(report.asOf)))</p>
            </header>

            """
        html += keyFigures(report)
        html += charts(report)
        for section in ReportSection.allCases {
            html += table(section, report)
        }
        html += estimates(report)
        html += outOfOrder(report)
        html += """
            <footer>
            <p>Thời gian chờ = từ lúc lấy số đến lần gọi đầu tiên; P50/P90 theo phương pháp hạng gần nhất. Tỷ lệ hài lòng = \
            (rất hài lòng + hài lòng) ÷ số lượt đánh giá. Hẹn đến hạn = hẹn trả rơi vào kỳ và đã trả hoặc đã quá hạn.</p>
            <p class="en">Wait = issue to first call; P50/P90 by nearest rank. Satisfaction = (very satisfied + satisfied) ÷ \
            ratings. Promises due = promised within the period and returned or already overdue.</p>
            </footer>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    static let style = A4Page.style

    static func keyFigures(_ report: PeriodReport) -> String {
        let total = report.figures.total
        var rows = [
            targetRow(
                "Tỷ lệ hài lòng toàn trung tâm", "Overall satisfaction", total.satisfactionRate,
                total.satisfactionTarget, total.satisfactionMet)
        ]
        for field in report.figures.byField {
            let names = report.fieldName(field.key)
            rows.append(
                targetRow(
                    "Hài lòng – \(names.name)", "Satisfaction – \(names.nameEn)", field.satisfactionRate,
                    field.satisfactionTarget, field.satisfactionMet))
        }
        rows.append(
            targetRow(
                "Trả kết quả đúng hẹn", "Results returned on time", total.promisesOnTimeRate,
                total.promisesOnTimeTarget, total.promisesOnTimeMet))
        rows.append(
            infoRow(
                "Chờ trong mục tiêu của lĩnh vực", "Waits within the field's target",
                total.withinTargetShare.map { "\(ReportNumber.percent($0)) %" }))
        rows.append(infoRow("Giải quyết trong ngày", "Same-day resolution", total.sameDayRate.map { "\(ReportNumber.percent($0)) %" }))
        rows.append(
            infoRow(
                "Phiếu cấp / đã phục vụ / vắng mặt", "Tickets issued / served / no-shows",
                "\(total.issued) / \(total.served) / \(total.noShows)"))
        let voice = report.citizenVoice
        rows.append(
            targetRow(
                "Phản ánh, kiến nghị xử lý đúng hạn (\(voice.feedbackHandledOnTime)/\(voice.feedbackReceived), quá hạn \(voice.feedbackOverdue))",
                "Feedback handled on time (overdue \(voice.feedbackOverdue))", voice.feedbackHandledOnTimeShare, 1,
                voice.feedbackHandledOnTimeShare.map { $0 >= 1 }))
        let reasons = CitizenVoiceText.reasonRows(voice).map { "\($0.0): \($0.1)" }
        rows.append(infoRow("Lý do chưa hài lòng", "Why not satisfied", reasons.isEmpty ? nil : reasons.joined(separator: "; ")))
        rows.append(
            infoRow(
                "Thời gian chờ TB / P90 (phút)", "Mean / p90 wait (min)",
                total.waitMeanSeconds.map { "\(ReportNumber.minutes($0)) / \(ReportNumber.minutes(total.waitP90Seconds))" }))
        return """
            <section>
            <h2>Chỉ tiêu chính <span class="en">Key figures</span></h2>
            <table class="targets">
            <thead><tr><th class="name">Chỉ tiêu (Figure)</th><th>Kết quả (Result)</th><th>Mục tiêu (Target)</th>\
            <th>Đánh giá (Status)</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>

            """
    }

    static func targetRow(_ name: String, _ english: String, _ rate: Double?, _ target: Double, _ met: Bool?) -> String {
        let status: String
        switch met {
        case true?: status = "<td class=\"met\">Đạt (met)</td>"
        case false?: status = "<td class=\"notmet\">Chưa đạt (not met)</td>"
        case nil: status = "<td>Chưa có dữ liệu (no data)</td>"
        }
        let result = rate.map { "\(ReportNumber.percent($0)) %" } ?? "—"
        return "<tr><td class=\"name\">\(escape(name)) <span class=\"en\">\(escape(english))</span></td>"
            + "<td>\(result)</td><td>≥ \(ReportNumber.percent(target)) %</td>\(status)</tr>"
    }

    static func infoRow(_ name: String, _ english: String, _ value: String?) -> String {
        "<tr><td class=\"name\">\(escape(name)) <span class=\"en\">\(escape(english))</span></td>"
            + "<td>\(escape(value ?? "—"))</td><td>—</td><td></td></tr>"
    }

    static func charts(_ report: PeriodReport) -> String {
        let waits = ReportChart(
            title: "Thời gian chờ TB theo giờ lấy số, phút (mean wait by hour, min)",
            bars: report.figures.byHour.map { row in
                ReportChart.Bar(
                    label: "\(row.key):00", value: (row.waitMeanSeconds ?? 0) / 60,
                    text: row.waitMeanSeconds.map { ReportNumber.minutes($0) } ?? "—", target: nil, met: nil)
            },
            scale: nil)
        let tickets = ReportChart(
            title: "Số phiếu theo lĩnh vực (tickets by field)",
            bars: report.figures.byField.map { row in
                ReportChart.Bar(
                    label: report.fieldName(row.key).name, value: Double(row.issued), text: String(row.issued),
                    target: nil, met: nil)
            },
            scale: nil)
        let satisfaction = ReportChart(
            title: "Tỷ lệ hài lòng theo lĩnh vực, % — vạch đen: mục tiêu (satisfaction by field, %; black mark: target)",
            bars: report.figures.byField.map { row in
                ReportChart.Bar(
                    label: report.fieldName(row.key).name, value: (row.satisfactionRate ?? 0) * 100,
                    text: row.satisfactionRate.map { "\(ReportNumber.percent($0)) %" } ?? "—",
                    target: row.satisfactionTarget * 100, met: row.satisfactionMet)
            },
            scale: 100)
        return """
            <section class="charts">
            <h2>Biểu đồ <span class="en">Charts</span></h2>
            \(waits.svg)
            \(tickets.svg)
            \(satisfaction.svg)
            </section>

            """
    }

    static let columns = [
        ("Phiếu", "Issued"), ("Phục vụ", "Served"), ("Vắng", "No-show"), ("Chuyển", "Moved"),
        ("Chờ TB", "Mean wait"), ("P50", "p50"), ("P90", "p90"), ("Tối đa", "Max"), ("Trong MT %", "In target %"),
        ("Phục vụ TB", "Mean service"), ("Trong ngày %", "Same-day %"), ("Đúng hẹn %", "On time %"),
        ("Đánh giá", "Ratings"), ("Hài lòng %", "Satisfied %"),
    ]

    static func table(_ section: ReportSection, _ report: PeriodReport) -> String {
        let head = columns.map { "<th>\($0.0)<br><span class=\"en\">\($0.1)</span></th>" }.joined()
        let rows = section.rows(report).map { f in
            let cells = [
                String(f.issued), String(f.served), String(f.noShows), String(f.transferred),
                ReportNumber.minutes(f.waitMeanSeconds), ReportNumber.minutes(f.waitP50Seconds),
                ReportNumber.minutes(f.waitP90Seconds), ReportNumber.minutes(f.waitMaxSeconds),
                ReportNumber.percent(f.withinTargetShare), ReportNumber.minutes(f.serviceMeanSeconds),
                ReportNumber.percent(f.sameDayRate), ReportNumber.percent(f.promisesOnTimeRate), String(f.ratings),
                ReportNumber.percent(f.satisfactionRate),
            ]
            return "<tr><td class=\"name\">\(escape(section.name(f.key, in: report)))</td>"
                + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return """
            <section>
            <h2>\(escape(section.title)) <span class="en">\(escape(section.englishTitle))</span></h2>
            <p class="en">Thời gian tính bằng phút / times in minutes.</p>
            <table>
            <thead><tr><th class="name"></th>\(head)</tr></thead>
            <tbody>
            \(rows.isEmpty ? "<tr><td class=\"name\" colspan=\"15\">Chưa có dữ liệu (no data)</td></tr>" : rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>

            """
    }

    static func estimates(_ report: PeriodReport) -> String {
        let accuracy = report.estimateAccuracy
        let rows = ([accuracy.total] + accuracy.byField).map { item in
            let name =
                item.key == "total"
                ? ReportSection.total.name("total", in: report) : ReportSection.field.name(item.key, in: report)
            return "<tr><td class=\"name\">\(escape(name))</td><td>\(item.tickets)</td>"
                + "<td>\(ReportNumber.minutes(item.meanAbsoluteErrorSeconds))</td><td>\(ReportNumber.minutes(item.biasSeconds))</td></tr>"
        }
        return """
            <section>
            <h2>Độ chính xác của thời gian chờ dự kiến <span class="en">Wait estimate accuracy</span></h2>
            <table>
            <thead><tr><th class="name"></th><th>Phiếu đo<br><span class="en">Tickets</span></th>\
            <th>Sai số tuyệt đối TB, phút<br><span class="en">Mean absolute error, min</span></th>\
            <th>Độ lệch TB, phút<br><span class="en">Bias (estimate − actual), min</span></th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>

            """
    }

    /// The calls out of order with their reasons; nothing when there were none.
    static func outOfOrder(_ report: PeriodReport) -> String {
        guard !report.outOfOrderCalls.isEmpty else { return "" }
        let rows = report.outOfOrderCalls.map { call in
            "<tr><td>\(escape(ApologyLetter.stamp(call.at)))</td><td>\(escape(call.ticket))</td>"
                + "<td class=\"name\">\(escape(report.fieldName(call.field).name))</td><td>\(call.counter)</td>"
                + "<td>\(escape(call.staff ?? ""))</td><td>\(call.skipped)</td><td class=\"name\">\(escape(call.reason))</td></tr>"
        }
        return """
            <section>
            <h2>Gọi không theo thứ tự <span class="en">Calls out of order</span></h2>
            <table>
            <thead><tr><th>Lúc<br><span class="en">At</span></th><th>Số<br><span class="en">Ticket</span></th>\
            <th class="name">Lĩnh vực<br><span class="en">Field</span></th><th>Quầy<br><span class="en">Counter</span></th>\
            <th>Cán bộ<br><span class="en">Officer</span></th><th>Vượt<br><span class="en">Passed</span></th>\
            <th class="name">Lý do<br><span class="en">Reason</span></th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>

            """
    }

    static func escape(_ text: String) -> String { A4Page.escape(text) }
}
