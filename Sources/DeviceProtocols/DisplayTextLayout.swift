/// The text a character display (2×20 and similar) shows for a counter, one ASCII string per row, each exactly
/// `columns` long.
///
/// Row 1: "Quay 3" on the left, the ticket label on the right ("Quay 3          A012"); no label when paused.
/// Row 2: `message` if set ("Cam on quy khach"), else "Tam dung" when paused, else "Moi so A012" while a
/// ticket is called, else blank. Rows 3…: blank. Text is Vietnamese transliterated by
/// `DisplayTransliteration`; anything longer than the row is cut at the right.
public enum DisplayTextLayout {
    public static func lines(for state: CounterDisplayState, columns: Int, rows: Int) -> [String] {
        let counter = DisplayTransliteration.ascii("Quầy \(state.counter)")
        let label = state.paused ? "" : state.label.map { DisplayTransliteration.ascii($0).displayTrimmed } ?? ""
        let first: String
        if label.isEmpty {
            first = counter
        } else if counter.count + 1 + label.count <= columns {
            first = counter + String(repeating: " ", count: columns - counter.count - label.count) + label
        } else {
            first = label
        }
        let second: String
        if let message = state.message {
            second = DisplayTransliteration.ascii(message)
        } else if state.paused {
            second = DisplayTransliteration.ascii("Tạm dừng")
        } else if !label.isEmpty {
            second = DisplayTransliteration.ascii("Mời số ") + label
        } else {
            second = ""
        }
        return ([first, second] + Array(repeating: "", count: max(0, rows - 2))).prefix(rows).map {
            fit($0, columns)
        }
    }

    /// Rows of "0123456789…" and "ABCDEFGHIJ…" alternating, so every cell and every row shows something.
    public static func testPattern(columns: Int, rows: Int) -> [String] {
        let patterns = ["0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        return (0..<rows).map { row in
            let pattern = patterns[row % 2]
            return String(
                (0..<columns).map { pattern[pattern.index(pattern.startIndex, offsetBy: $0 % pattern.count)] })
        }
    }

    /// `text` cut or padded with spaces to exactly `columns` characters.
    static func fit(_ text: String, _ columns: Int) -> String {
        let cut = String(text.prefix(columns))
        return cut + String(repeating: " ", count: columns - cut.count)
    }
}
