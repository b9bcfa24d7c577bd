internal import Foundation

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
