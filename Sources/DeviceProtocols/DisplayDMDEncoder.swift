/// Epson DM-D customer-display commands (devices.md 3.1). Text must already be printable ASCII
/// (`DisplayTransliteration`).
public enum DisplayDMDEncoder {
    /// `ESC @`: reset, clears the screen and the modes.
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// `FF`: clear the screen, cursor home.
    public static let clear: [UInt8] = [0x0C]

    /// `US $ x y`, 1-based, column first.
    public static func moveCursor(column: Int, row: Int) -> [UInt8] {
        [0x1F, 0x24, UInt8(clamping: column), UInt8(clamping: row)]
    }

    /// `US X n`, n = 1…4 (25 % steps); out-of-range levels are clamped.
    public static func brightness(_ level: Int) -> [UInt8] {
        [0x1F, 0x58, UInt8(min(4, max(1, level)))]
    }

    /// A whole screen: reset, brightness, then each row written from its first column. Resetting first makes
    /// every frame self-contained, so a display that was power-cycled or received garbage is fully redrawn.
    public static func screen(lines: [String], brightness level: Int) -> [UInt8] {
        var bytes = initialize + brightness(level)
        for (index, line) in lines.enumerated() {
            bytes += moveCursor(column: 1, row: index + 1) + DisplayTransliteration.bytes(line)
        }
        return bytes
    }
}
