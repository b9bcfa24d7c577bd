import Foundation
public import QueueCore
public import QueueStore

/// A report rendered in one of the formats the API serves, with the headers it is served with. The CLI writes
/// these same bytes, so a file saved from the browser and one made by `khongcho report` are identical.
public struct ReportDocument: Sendable {
    /// The report formats a user can ask for.
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, html

        /// `json` when absent; anything else is a 422 naming the accepted formats.
        public init(parameter: String?) throws {
            let text = parameter ?? "json"
            guard let format = Format(rawValue: text.lowercased()) else {
                throw QueueError.invalid(
                    "Định dạng báo cáo “\(text)” không hỗ trợ; dùng json, csv hoặc html.",
                    "Unsupported report format '\(text)': use json, csv or html.")
            }
            self = format
        }
    }

    public let format: Format
    public let bytes: [UInt8]

    public init(_ report: PeriodReport, format: Format) throws {
        self.format = format
        switch format {
        case .json: bytes = Array(try JSONCoding.encoder().encode(report))
        case .csv: bytes = ReportCSV.render(report)
        case .html: bytes = ReportHTML.render(report)
        }
    }

    public var contentType: String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// `bao-cao-2026-Q1.csv`: the period text without its kind (`custom:A..B` → `A_B`), ASCII only.
    public static func filename(period: ReportPeriod, format: Format) -> String {
        let text = period.text
        let value = text.firstIndex(of: ":").map { String(text[text.index(after: $0)...]) } ?? text
        return "bao-cao-\(value.replacingOccurrences(of: "..", with: "_")).\(format.rawValue)"
    }

    /// The CSV is a download; JSON and HTML open in the browser (the HTML to be printed).
    public func contentDisposition(period: ReportPeriod) -> String {
        let name = Self.filename(period: period, format: format)
        return format == .csv ? "attachment; filename=\"\(name)\"" : "inline; filename=\"\(name)\""
    }
}
