/// A text message as the modem's text mode takes it, in the profile's character set.
///
/// GSM: Vietnamese is written without diacritics (the display rule, `DisplayTransliteration`), and only the
/// characters whose code is the same in ASCII and in the GSM 7-bit default alphabet are kept: letters, digits,
/// space, newline and `!"#%&'()*+,-./:;<=>?`. Anything else (`@`, `$`, `_`, brackets…) becomes a space, so what the
/// phone shows is what was meant; 160 characters fit one message. UCS-2: UTF-16BE as upper-case hex digits, 70
/// characters per message. Longer texts are cut to one message with "…" (".." in GSM): the hall's messages are short
/// and a single part is what every modem and phone handles.
public enum SMSText {
    public static let gsmLimit = 160
    public static let ucs2Limit = 70

    static let gsmPunctuation = Set("!\"#%&'()*+,-./:;<=>?")

    /// The bytes to send after the `> ` prompt (without the closing Ctrl-Z).
    public static func payload(_ text: String, charset: ModemProfile.Charset) -> [UInt8] {
        switch charset {
        case .gsm: Array(gsm(text).utf8)
        case .ucs2: Array(hex(fitted(Array(text.utf16), limit: ucs2Limit)).utf8)
        }
    }

    /// The text as a GSM phone will show it.
    public static func gsm(_ text: String) -> String {
        let plain = text.map { character -> Character in
            if character == "\n" { return "\n" }
            let ascii = DisplayTransliteration.ascii(String(character))
            // Transliteration marks what it cannot write with "?"; a real question mark stays one.
            guard let letter = ascii.first, ascii.count == 1, letter != "?" || character == "?" else { return " " }
            return letter.isLetter || letter.isNumber || letter == " " || gsmPunctuation.contains(letter) ? letter : " "
        }
        guard plain.count > gsmLimit else { return String(plain) }
        return String(plain.prefix(gsmLimit - 2)) + ".."
    }

    /// The recipient as `AT+CMGS` takes it: international form (+84…), hex-encoded like the text in UCS-2.
    public static func recipient(_ phone: String, charset: ModemProfile.Charset) -> String {
        let digits = phone.filter(\.isNumber)
        let international = digits.hasPrefix("0") ? "+84" + digits.dropFirst() : (phone.hasPrefix("+") ? "+" + digits : digits)
        switch charset {
        case .gsm: return international
        case .ucs2: return hex(Array(international.utf16))
        }
    }

    static func fitted(_ units: [UInt16], limit: Int) -> [UInt16] {
        guard units.count > limit else { return units }
        var kept = Array(units.prefix(limit - 1))
        // Never cut a surrogate pair in half.
        if let last = kept.last, (0xD800...0xDBFF).contains(last) { kept.removeLast() }
        return kept + [0x2026]
    }

    static func hex(_ units: [UInt16]) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        for unit in units {
            for shift in stride(from: 12, through: 0, by: -4) { text.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return text
    }

    /// Decodes UCS-2 hex (the simulated modem reads what it was sent); nil when it is not hex of whole units.
    public static func decodeHex(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var units: [UInt16] = []
        for start in stride(from: 0, to: bytes.count, by: 4) {
            guard let unit = UInt16(String(decoding: bytes[start..<start + 4], as: UTF8.self), radix: 16) else { return nil }
            units.append(unit)
        }
        return String(decoding: units, as: UTF16.self)
    }
}
