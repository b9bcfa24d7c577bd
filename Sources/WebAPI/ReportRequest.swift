import Hall
import Hummingbird
import QueueCore

/// The report period a request asks for: `period=quarter:2026-Q1` (any form `ReportPeriod` parses), or a custom
/// range `from=2026-01-05&to=2026-02-10` — exactly one of the two. Parser errors come back as 422 unchanged.
enum ReportRequest {
    static func period(_ query: Parameters) throws -> ReportPeriod {
        let period = query.get("period")
        let from = query.get("from")
        let to = query.get("to")
        switch (period, from, to) {
        case (let text?, nil, nil):
            return try ReportPeriod(parsing: text)
        case (nil, let from?, let to?):
            return try ReportPeriod(parsing: "custom:\(from)..\(to)")
        case (nil, nil, nil):
            throw QueueError.invalid(
                "Thiếu kỳ báo cáo: dùng period=quarter:2026-Q1 (hoặc day:, week:, month:, year:, custom:) hoặc from=YYYY-MM-DD&to=YYYY-MM-DD.",
                "Missing report period: pass period=quarter:2026-Q1 (or day:, week:, month:, year:, custom:) or from=YYYY-MM-DD&to=YYYY-MM-DD."
            )
        default:
            throw QueueError.invalid(
                "Dùng hoặc period, hoặc cả from và to — không kết hợp.",
                "Pass either period, or both from and to — not a mix.")
        }
    }
}
