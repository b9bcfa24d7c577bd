/// CSV the way the centre's report writes it (UTF-8 with a byte-order mark for Excel, CRLF, RFC 4180 quoting, text
/// cells neutralised against formula injection, shares as percentages with one decimal), for other documents —
/// the province office's list of centres.
public enum CSVDocument {
    /// One cell: text (neutralised) or a figure (written as it is).
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(String)
    }

    public static func render(_ lines: [[Cell]]) -> [UInt8] {
        var text = ""
        for line in lines {
            text += line.map { cell in
                switch cell {
                case .text(let value): ReportCSV.encode(.text(value))
                case .number(let value): ReportCSV.encode(.number(value))
                }
            }.joined(separator: ",")
            text += "\r\n"
        }
        return ReportCSV.byteOrderMark + Array(text.utf8)
    }

    /// A share 0…1 as a percentage with one decimal ("97.5"); empty when there is none.
    public static func percent(_ share: Double?) -> String { ReportNumber.percent(share) }
}
