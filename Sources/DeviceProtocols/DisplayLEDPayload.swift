/// What an LED board's cells show and how each cell is written.
///
/// What is shown (`content`), on a board of N cells:
/// - `.label`: the ticket label right-aligned, e.g. "A012" on 4 cells, " A012" on 5 — when every character
///   can be drawn by the encoding and it fits; otherwise the number as for `.number`;
/// - `.number`: the label's digits, zero-padded on the left to N cells ("A012" → "0012" on 4 cells, "012" on
///   3); zero padding because BCD and many digit boards have no blank digit, and a lit "0" never looks like a
///   broken segment. With more digits than cells the last N digits are kept.
/// Nothing (every cell blank) when the counter has no ticket or is paused. LED boards do not show the counter
/// number (it is painted on the board) nor `message` (no room for words).
///
/// How a cell is written (`encoding`):
/// - `.ascii`: one ASCII byte per cell, blank = 0x20, letters allowed;
/// - `.digits`: one ASCII digit per cell, blank = 0x20; a label with letters shows its number;
/// - `.bcd`: two cells per byte, first cell in the high nibble, blank nibble = 0xF; N must be even;
/// - `.sevenSegment`: one raw segment byte per cell (bit 0 = a … bit 6 = g, bit 7 = dp), digits as devices.md
///   4.1 (0 = 3F … 9 = 6F), blank = 00, and the letters a 7-segment digit can draw: A b C d E F H L n o P r t U
///   and "-" (either case); a label with any other letter shows its number.
public struct DisplayLEDPayload: Sendable, Equatable {
    /// How the shown text becomes bytes (ASCII, digits, BCD or seven-segment patterns).
    public enum Encoding: String, Sendable, CaseIterable {
        case ascii, digits, bcd
        case sevenSegment = "seven-segment"
    }

    /// What the board shows: the whole label (A012) or only its number (12).
    public enum Content: String, Sendable, CaseIterable {
        case label, number
    }

    public var encoding: Encoding
    public var content: Content

    public init(encoding: Encoding, content: Content) {
        self.encoding = encoding
        self.content = content
    }

    /// The cell text (exactly `cells` characters, spaces for blank) for a state; see the type's comment.
    public func text(for state: CounterDisplayState, cells: Int) -> String {
        guard !state.paused, let label = state.label else { return String(repeating: " ", count: cells) }
        let ascii = DisplayTransliteration.ascii(label).displayTrimmed
        if content == .label, encoding == .ascii || encoding == .sevenSegment, ascii.count <= cells,
            ascii.allSatisfy(canDraw)
        {
            return String(repeating: " ", count: cells - ascii.count) + ascii
        }
        let digits = String(ascii.filter { ("0"..."9").contains($0) }.suffix(cells))
        return String(repeating: "0", count: cells - digits.count) + digits
    }

    /// The payload bytes for cell text made by `text(for:cells:)`.
    public func bytes(cellText text: String) -> [UInt8] {
        switch encoding {
        case .ascii, .digits:
            return Array(text.utf8)
        case .sevenSegment:
            return text.map { Self.segments[Character($0.lowercased())] ?? 0x00 }
        case .bcd:
            let nibbles = text.map { $0.wholeNumberValue.map(UInt8.init) ?? 0x0F }
            return stride(from: 0, to: nibbles.count - 1, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
        }
    }

    func canDraw(_ character: Character) -> Bool {
        switch encoding {
        case .ascii: character.isASCII && character != "?"
        case .sevenSegment: Self.segments[Character(character.lowercased())] != nil
        case .digits, .bcd: ("0"..."9").contains(character)
        }
    }

    /// Segment bytes, bit 0 = a … bit 6 = g. Digits from devices.md 4.1; letters are the usual 7-segment forms.
    static let segments: [Character: UInt8] = [
        "0": 0x3F, "1": 0x06, "2": 0x5B, "3": 0x4F, "4": 0x66, "5": 0x6D, "6": 0x7D, "7": 0x07, "8": 0x7F, "9": 0x6F,
        " ": 0x00, "-": 0x40, "a": 0x77, "b": 0x7C, "c": 0x39, "d": 0x5E, "e": 0x79, "f": 0x71, "h": 0x76,
        "l": 0x38, "n": 0x54, "o": 0x5C, "p": 0x73, "r": 0x50, "t": 0x78, "u": 0x3E,
    ]
}

extension String {
    var displayTrimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
