/// What the hall hears (and may read) when a number is called: "Mời công dân có số A012 đến quầy số 3".
///
/// The spoken form is a list of phrases, each one audio clip: fixed phrases ("mời công dân có số",
/// "đến quầy số"), the prefix letters by their Vietnamese names ("a", "bê", "xê"…), and numbers read as
/// words without leading zeros ("mười hai"). Keeping numbers whole (one clip, not one per syllable) lets
/// the synthesiser give them natural rhythm, while the fixed phrases stay shared between all calls.
public struct CallAnnouncement: Sendable, Equatable {
    /// The languages a call can be spoken in.
    public enum Language: String, Sendable, CaseIterable, Codable {
        case vietnamese = "vi"
        case english = "en"
    }

    /// The ticket label as printed, e.g. `A012`.
    public let label: String
    public let prefix: String
    /// The label's digits as a number (leading zeros are not read).
    public let number: Int
    public let counter: Int
    public let language: Language
    /// A recall ("Xin mời lần nữa …") of a ticket already called once.
    public let isRecall: Bool

    /// Validates at the boundary: a label is 1–2 capital letters A–Z and 1–4 digits, a counter 1–99.
    public init(label: String, counter: Int, language: Language = .vietnamese, recall: Bool = false) throws {
        let letters = label.prefix { $0.isASCII && $0.isUppercase }
        let digits = label.dropFirst(letters.count)
        guard (1...2).contains(letters.count), (1...4).contains(digits.count),
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits)
        else {
            throw QueueError.invalid(
                "Số phiếu “\(label)” không hợp lệ: cần 1–2 chữ in hoa A–Z rồi 1–4 chữ số (vd A012).",
                "Ticket label '\(label)' is invalid: expected 1–2 capital letters A–Z and 1–4 digits (e.g. A012).")
        }
        guard (1...99).contains(counter) else {
            throw QueueError.invalid(
                "Số quầy \(counter) không hợp lệ: cần từ 1 đến 99.",
                "Counter \(counter) is invalid: expected 1 to 99.")
        }
        self.label = label
        self.prefix = String(letters)
        self.number = number
        self.counter = counter
        self.language = language
        self.isRecall = recall
    }

    /// The sentence for the screen, with the label as printed.
    public var displayText: String {
        switch language {
        case .vietnamese:
            (isRecall ? "Xin mời lần nữa công dân có số " : "Mời công dân có số ") + "\(label) đến quầy số \(counter)"
        case .english:
            (isRecall ? "Calling again: ticket " : "Ticket ") + "\(label), please go to counter \(counter)"
        }
    }

    /// One entry per audio clip, in order, as the synthesiser should read it.
    public var spokenPhrases: [String] {
        let letters = prefix.map { letter in
            language == .vietnamese ? Self.vietnameseLetterNames[letter] ?? String(letter) : String(letter)
        }
        switch language {
        case .vietnamese:
            return (isRecall ? ["xin mời lần nữa", "công dân có số"] : ["mời công dân có số"]) + letters
                + [VietnameseNumber.text(number), "đến quầy số", VietnameseNumber.text(counter)]
        case .english:
            // espeak-ng reads a single capital letter by its English name ("A" → /eɪ/).
            return (isRecall ? ["calling again", "ticket"] : ["ticket"]) + letters
                + [EnglishNumber.text(number), "please go to counter", EnglishNumber.text(counter)]
        }
    }

    /// The whole spoken sentence: "mời công dân có số a mười hai đến quầy số ba".
    public var spokenText: String { spokenPhrases.joined(separator: " ") }

    /// Every spoken word, one entry per word: ["mời", "công", "dân", …].
    public var spokenWords: [String] {
        spokenPhrases.flatMap { $0.split(separator: " ").map(String.init) }
    }

    /// How a Vietnamese announcer names Latin letters when reading a ticket prefix (the school alphabet's
    /// names, with "đê" for D so it is not heard as Đ, and the usual names of letters Vietnamese lacks).
    public static let vietnameseLetterNames: [Character: String] = [
        "A": "a", "B": "bê", "C": "xê", "D": "đê", "E": "e", "F": "ép", "G": "giê", "H": "hát", "I": "i",
        "J": "di", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o", "P": "pê", "Q": "quy",
        "R": "e rờ", "S": "ét xì", "T": "tê", "U": "u", "V": "vê", "W": "vê kép", "X": "ích xì", "Y": "i dài",
        "Z": "dét",
    ]

    /// The clips every call can use, for generating them ahead of the first call: fixed phrases, letters,
    /// and the numbers 0…99 (counters and the first hundred tickets).
    public static func fixedVocabulary(_ language: Language) -> [String] {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { Character(UnicodeScalar($0)) }
        switch language {
        case .vietnamese:
            return ["mời công dân có số", "xin mời lần nữa", "công dân có số", "đến quầy số"]
                + letters.compactMap { vietnameseLetterNames[$0] } + (0...99).map(VietnameseNumber.text)
        case .english:
            return ["ticket", "calling again", "please go to counter"] + letters.map(String.init)
                + (0...99).map(EnglishNumber.text)
        }
    }
}
