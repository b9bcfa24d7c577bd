/// CD5220 pole-display commands (devices.md 3.2). Text must already be printable ASCII (the tested unit
/// renders only 32–126), at most 20 characters per line.
public enum DisplayCD5220Encoder {
    /// `ESC @`.
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// `FF`: clear, also leaves the "string mode" that `ESC Q A/B` enters.
    public static let clear: [UInt8] = [0x0C]

    /// `ESC l x y`: column 1–20, row 1–2.
    public static func moveCursor(column: Int, row: Int) -> [UInt8] {
        [0x1B, 0x6C, UInt8(clamping: column), UInt8(clamping: row)]
    }

    /// `ESC * n`, n = 1…4; out-of-range levels are clamped.
    public static func brightness(_ level: Int) -> [UInt8] {
        [0x1B, 0x2A, UInt8(min(4, max(1, level)))]
    }

    /// `ESC Q A text CR` (upper line) or `ESC Q B text CR` (lower line).
    public static func writeLine(_ text: String, row: Int) -> [UInt8] {
        [0x1B, 0x51, row == 1 ? 0x41 : 0x42] + DisplayTransliteration.bytes(text) + [0x0D]
    }

    /// A whole screen: reset, brightness, upper line, lower line (self-contained like the DM-D screen).
    public static func screen(lines: [String], brightness level: Int) -> [UInt8] {
        var bytes = initialize + brightness(level)
        for (index, line) in lines.prefix(2).enumerated() { bytes += writeLine(line, row: index + 1) }
        return bytes
    }
}
