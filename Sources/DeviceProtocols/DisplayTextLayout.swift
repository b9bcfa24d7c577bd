import Foundation

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

/// Vietnamese text to the printable ASCII (0x20…0x7E) every customer display and LED board can show.
///
/// Rule, per character (grapheme): decompose (Unicode NFD), drop the combining marks (tones, circumflex,
/// breve, horn), map đ → d and Đ → D; a character that is still not printable ASCII becomes one "?".
/// So "Quầy 3 — Mời số A012" → "Quay 3 ? Moi so A012" and "Cảm ơn quý khách" → "Cam on quy khach".
/// Control characters (tab, newline) also become "?" because on the wire they are display commands
/// (0x0D ends a CD5220 line, 0x0C clears the screen).
/// Why not a code page: `ESC t` on DM-D displays is unconfirmed (devices.md 7) and CD5220 units render
/// only ASCII 32–126 (devices.md 3.2), so plain letters are the one thing that works on every unit.
public enum DisplayTransliteration {
    public static func ascii(_ text: String) -> String {
        String(text.map(character))
    }

    /// The bytes of `ascii(text)`.
    public static func bytes(_ text: String) -> [UInt8] {
        Array(ascii(text).utf8)
    }

    static func character(_ character: Character) -> Character {
        var result: [Unicode.Scalar] = []
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            switch scalar {
            case "đ": result.append("d")
            case "Đ": result.append("D")
            default: result.append(scalar)
            }
        }
        guard result.count == 1, let scalar = result.first, (0x20...0x7E).contains(scalar.value) else { return "?" }
        return Character(scalar)
    }
}
