import GRDBSQLite

/// Turns a text column into a shared `String` without allocating per row: a report sees a handful of field
/// codes and a few dozen staff names over a million rows, found again by comparing bytes.
struct ReportQueryInterner {
    private var strings: [String] = []
    private var bytes: [[UInt8]] = []
    private var last = -1

    /// The column's text (SQLite asks for the text first, then its length); nil for NULL.
    mutating func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        let view = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
        // Rows come in runs of the same value: try the last one first.
        if last >= 0, bytes[last].elementsEqual(view) { return strings[last] }
        if let known = bytes.firstIndex(where: { $0.elementsEqual(view) }) {
            last = known
            return strings[known]
        }
        strings.append(String(decoding: view, as: UTF8.self))
        bytes.append(Array(view))
        last = strings.count - 1
        return strings[last]
    }
}
