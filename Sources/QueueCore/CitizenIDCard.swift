import Foundation

/// What the kiosk keeps from a chip ID card's QR (CCCD / VNeID): the name as printed and the last four digits
/// of the number — what a dossier needs to be found again. The full number, birth date and address are read
/// only to check the text is a card, then dropped (Decree 13/2023: keep only what the dossier needs).
///
/// The QR is UTF-8 text, fields separated by `|`: number (12 digits) | old number (9 digits or empty) | full
/// name | birth date `DDMMYYYY` | sex | address | issue date `DDMMYYYY` | … Newer cards add fields; six or more
/// are accepted and the ones after the sixth are only checked when they are the issue date.
public struct CitizenIDCard: Sendable, Equatable {
    public let name: String
    public let idLast4: String

    public init(name: String, idLast4: String) {
        self.name = name
        self.idLast4 = idLast4
    }

    /// Reads the card text from the scanner's bytes; non-UTF-8 is refused, never guessed.
    public init(bytes: [UInt8]) throws(QueueError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Self.refusal(
                "Dữ liệu quét không phải văn bản UTF-8; hãy đặt máy quét ở chế độ Unicode rồi quét lại.",
                "The scan is not UTF-8 text; set the scanner to Unicode mode and scan again.")
        }
        try self.init(text: text)
    }

    public init(text raw: String) throws(QueueError) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard fields.count >= 6 else {
            throw Self.refusal(
                "Mã QR trên thẻ căn cước có ít nhất 6 trường ngăn bởi “|”, chỉ đọc được \(fields.count). Hãy quét lại mặt trước của thẻ.",
                "A citizen ID card QR has at least 6 fields separated by “|”; read \(fields.count). Scan the front of the card again.")
        }
        let number = fields[0]
        guard number.count == 12, number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Self.refusal(
                "Số căn cước phải có 12 chữ số. Hãy quét lại mã QR trên thẻ.",
                "The ID number must have 12 digits. Scan the card's QR again.")
        }
        let name = fields[2]
        guard (2...80).contains(name.count), name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }) else {
            throw Self.refusal(
                "Không đọc được họ tên trên thẻ. Hãy quét lại mã QR trên thẻ.", "The name on the card could not be read. Scan again.")
        }
        guard Self.isDate(fields[3]) else {
            throw Self.refusal(
                "Ngày sinh trên thẻ không hợp lệ (cần dạng NgàyThángNăm, 8 chữ số). Hãy quét lại.",
                "The birth date on the card is not a valid DDMMYYYY date. Scan again.")
        }
        if fields.count >= 7, !fields[6].isEmpty, !Self.isDate(fields[6]) {
            throw Self.refusal(
                "Ngày cấp trên thẻ không hợp lệ (cần dạng NgàyThángNăm, 8 chữ số). Hãy quét lại.",
                "The issue date on the card is not a valid DDMMYYYY date. Scan again.")
        }
        self.name = name.split(separator: " ").joined(separator: " ")
        self.idLast4 = String(number.suffix(4))
    }

    static func isDate(_ text: String) -> Bool {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let digits = Array(text)
        guard let day = Int(String(digits[0..<2])), let month = Int(String(digits[2..<4])), let year = Int(String(digits[4..<8]))
        else { return false }
        return (1900...2200).contains(year) && DayKey(year: year, month: month, day: day) != nil
    }

    static func refusal(_ message: String, _ english: String) -> QueueError {
        QueueError(.invalidIDCard, message: message, englishMessage: english)
    }
}
