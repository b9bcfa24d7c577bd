import Foundation
import NIOConcurrencyHelpers

/// Turns Vietnamese text into 1-bit pixels with FreeType, because thermal printers cannot be trusted with
/// Vietnamese code pages. Input is NFC-normalised first, so text typed or stored in decomposed form (NFD)
/// prints exactly like precomposed text.
///
/// Safe to share between tasks: the FreeType library, faces and glyph cache sit behind one mutex, and
/// measuring and drawing produce a `Run` value that is used outside the lock.
public final class TextRasterizer: Sendable {
    public let fonts: FontLocator.Fonts
    private let engine: NIOLockedValueBox<TextRasterizerEngine>
    /// Laid-out runs by text and style. Most of a ticket (labels, the centre and field names) repeats on
    /// every ticket and wrapping measures the same prefixes again and again; this keeps render + encode of
    /// an 80 mm ticket well under the printer's own time. Bounded: emptied when it reaches `cacheLimit`.
    private let runs = NIOLockedValueBox<[RunKey: Run]>([:])
    static let cacheLimit = 2048

    struct RunKey: Hashable {
        let text: String
        let style: Style
    }

    /// Opens the fonts; fails when they cannot be read or do not cover Vietnamese.
    public init(fonts: FontLocator.Fonts) throws(TextRasterizerError) {
        self.fonts = fonts
        engine = NIOLockedValueBox(try TextRasterizerEngine(fonts: fonts))
    }

    /// Finds the fonts with `fontLocator` and opens them.
    public convenience init(fontLocator: FontLocator = FontLocator()) throws {
        try self.init(fonts: try fontLocator.locate())
    }

    /// Lays out one line (line breaks print as spaces; use `wrap` for paragraphs).
    public func layout(_ text: String, style: Style) -> Run {
        let key = RunKey(text: text, style: style)
        if let cached = runs.withLockedValue({ $0[key] }) { return cached }
        let normalised = text.precomposedStringWithCanonicalMapping
        let safe = style.resized(min(1000, max(1, style.size)))
        let run = engine.withLockedValue { engine in engine.layout(normalised, style: safe) }
        runs.withLockedValue { runs in
            if runs.count >= Self.cacheLimit { runs.removeAll(keepingCapacity: true) }
            runs[key] = run
        }
        return run
    }

    /// The width in dots that `draw` will use for this text.
    public func width(of text: String, style: Style) -> Int {
        layout(text, style: style).width
    }

    /// Draws one line with its left edge at `x` and its baseline at `baseline`; returns the run drawn.
    @discardableResult
    public func draw(_ text: String, style: Style, into bitmap: inout Bitmap, x: Int, baseline: Int, ink: Bool = true) -> Run {
        let run = layout(text, style: style)
        run.draw(into: &bitmap, x: x, baseline: baseline, ink: ink)
        return run
    }

    /// The font's ascender and descender at this style, for spacing lines consistently.
    public func lineMetrics(_ style: Style) -> (ascender: Int, descender: Int) {
        let safe = style.resized(min(1000, max(1, style.size)))
        return engine.withLockedValue { engine in engine.lineMetrics(safe) }
    }
}

extension TextRasterizer {
    /// A rectangle of inked pixels; `maxX`/`maxY` are exclusive; y grows downwards from the baseline.
    public struct Bounds: Sendable, Equatable {
        public var minX: Int
        public var maxX: Int
        public var minY: Int
        public var maxY: Int

        public init(minX: Int, maxX: Int, minY: Int, maxY: Int) {
            self.minX = minX
            self.maxX = maxX
            self.minY = minY
            self.maxY = maxY
        }

        public var width: Int { maxX - minX }
        public var height: Int { maxY - minY }

        func union(_ other: Bounds) -> Bounds {
            Bounds(
                minX: min(minX, other.minX), maxX: max(maxX, other.maxX),
                minY: min(minY, other.minY), maxY: max(maxY, other.maxY)
            )
        }

        func offsetBy(dx: Int, dy: Int) -> Bounds {
            Bounds(minX: minX + dx, maxX: maxX + dx, minY: minY + dy, maxY: maxY + dy)
        }
    }
}

extension TextRasterizer {
    /// Breaks text into lines no wider than `maxWidth`: at spaces (Vietnamese separates every syllable, so
    /// this is where a reader expects breaks), inside a word only when the word alone is too wide, and at
    /// every "\n". A no-break space (U+00A0) keeps "5 người" together.
    ///
    /// `balanced`: the same number of lines, but as even as possible, so a centred title does not end on one
    /// orphaned word ("… trả kết quả trong / ngày" becomes "… không chờ: / trả kết quả trong ngày").
    public func wrap(_ text: String, style: Style, maxWidth: Int, balanced: Bool = false) -> [String] {
        let greedy = greedyWrap(text, style: style, maxWidth: maxWidth)
        guard balanced, greedy.count > 1 else { return greedy }
        var low = maxWidth / greedy.count
        var high = maxWidth
        var best = greedy
        while low < high {
            let middle = (low + high) / 2
            let candidate = greedyWrap(text, style: style, maxWidth: middle)
            if candidate.count <= greedy.count {
                best = candidate
                high = middle
            } else {
                low = middle + 1
            }
        }
        return best
    }

    private func greedyWrap(_ text: String, style: Style, maxWidth: Int) -> [String] {
        let normalised = text.precomposedStringWithCanonicalMapping
        var lines: [String] = []
        for paragraph in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if width(of: candidate, style: style) <= maxWidth {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = breakLongWord(String(word), style: style, maxWidth: maxWidth, into: &lines)
            }
            lines.append(current)
        }
        return lines
    }

    /// Emits the full-width pieces of a word too wide for a line and returns the remainder.
    private func breakLongWord(_ word: String, style: Style, maxWidth: Int, into lines: inout [String]) -> String {
        var piece = ""
        for character in word {
            if !piece.isEmpty, width(of: piece + String(character), style: style) > maxWidth {
                lines.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        return piece
    }

    /// The largest size from `minSize` up to `style.size` at which `text` fits on one line of `maxWidth`
    /// (`minSize` itself when nothing fits: the caller then wraps).
    public func shrinkToFit(_ text: String, style: Style, minSize: Int, maxWidth: Int) -> Style {
        guard width(of: text, style: style) > maxWidth else { return style }
        var low = max(1, min(minSize, style.size))
        var high = style.size - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if width(of: text, style: style.resized(middle)) <= maxWidth { low = middle } else { high = middle - 1 }
        }
        return style.resized(low)
    }

    /// A paragraph in at most `maxLines` lines of `maxWidth`, shrinking from `style.size` towards `minSize`
    /// while it needs more lines; at `minSize` it takes as many lines as it needs rather than losing words.
    public func fit(
        _ text: String, style: Style, minSize: Int, maxWidth: Int, maxLines: Int, balanced: Bool = false
    ) -> (style: Style, lines: [String]) {
        var size = style.size
        let floor = max(1, min(minSize, style.size))
        while true {
            let candidate = style.resized(size)
            let lines = greedyWrap(text, style: candidate, maxWidth: maxWidth)
            if lines.count <= max(1, maxLines) || size <= floor {
                return (candidate, balanced ? wrap(text, style: candidate, maxWidth: maxWidth, balanced: true) : lines)
            }
            size = max(floor, size - max(1, size / 16))
        }
    }
}

extension TextRasterizer {
    /// One rendered glyph as cached by the engine: its 1-bit image and where it sits relative to the pen.
    struct Glyph: Sendable {
        /// `nil` for blank glyphs (space).
        var image: Bitmap?
        /// Columns from the pen position to the image's left edge (may be negative).
        var left: Int
        /// Rows from the baseline up to the image's top row.
        var top: Int
        /// Pen advance in 1/64 dot (FreeType 26.6), already grid-fitted by the hinter.
        var advance: Int
        /// Glyph index in its face, for kerning.
        var index: UInt32
        /// The face that drew it: kerning applies only between glyphs of one face.
        var face: Weight
    }
}

extension TextRasterizer {
    /// A laid-out line of text, ready to draw: measuring and drawing use the same glyph positions, so a
    /// measured width is exactly the space the drawing takes.
    public struct Run: Sendable, Equatable {
        /// A glyph image and its top-left corner relative to the pen origin on the baseline (y down).
        struct Piece: Sendable, Equatable {
            var image: Bitmap
            var x: Int
            var y: Int
        }

        let pieces: [Piece]
        /// Pen position after the last glyph, in dots from the origin.
        public let advance: Int
        /// The inked pixels relative to the origin; `nil` when nothing is inked (blank text).
        let ink: Bounds?
        /// The font's ascender and descender at this size (positive dots).
        public let ascender: Int
        public let descender: Int

        init(pieces: [Piece], advance: Int, ascender: Int, descender: Int) {
            self.pieces = pieces
            self.advance = advance
            self.ascender = ascender
            self.descender = descender
            ink = pieces.map { Bounds(minX: $0.x, maxX: $0.x + $0.image.width, minY: $0.y, maxY: $0.y + $0.image.height) }
                .reduce(nil) { partial, next in partial.map { $0.union(next) } ?? next }
        }

        /// Dots left of the origin that glyphs overhang (e.g. a "j" at the start); drawing shifts by it.
        private var overhang: Int { max(0, -(ink?.minX ?? 0)) }

        /// Horizontal space the text takes when drawn at x: covers both the pen advance and every inked pixel.
        public var width: Int { max(advance, ink?.maxX ?? 0) + overhang }
        /// Dots above the baseline: the font's ascender, or more when stacked diacritics reach higher.
        public var ascent: Int { max(ascender, -(ink?.minY ?? 0)) }
        /// Dots below the baseline.
        public var descent: Int { max(descender, ink?.maxY ?? 0) }
        /// Inked pixels relative to the point passed to `draw` (x) and the baseline (y, down positive).
        public var inkBounds: Bounds? { ink?.offsetBy(dx: overhang, dy: 0) }

        /// Draws with the left edge of the run at `x`; `ink: false` draws white, for text on a black box.
        public func draw(into bitmap: inout Bitmap, x: Int, baseline: Int, ink: Bool = true) {
            let originX = x + overhang
            for piece in pieces {
                let image = piece.image
                for row in 0..<image.height {
                    for column in 0..<image.width where image[column, row] {
                        bitmap[originX + piece.x + column, baseline + piece.y + row] = ink
                    }
                }
            }
        }
    }
}

extension TextRasterizer {
    /// How a piece of text is drawn: pixel size (the em height in printer dots), face, and horizontal scale.
    public struct Style: Sendable, Hashable {
        /// Em height in dots (FreeType pixel size).
        public var size: Int
        public var weight: Weight
        /// Horizontal scale, e.g. 0.85 to condense the big ticket number so it can be taller on narrow paper.
        public var widthScale: Double

        public init(size: Int, weight: Weight = .regular, widthScale: Double = 1) {
            self.size = size
            self.weight = weight
            self.widthScale = widthScale
        }

        /// The same style at another size (shrink-to-fit).
        public func resized(_ size: Int) -> Style {
            Style(size: size, weight: weight, widthScale: widthScale)
        }

        /// FreeType pixel width for the em: at least one dot.
        var pixelWidth: Int { max(1, Int((Double(size) * widthScale).rounded())) }
    }
}

extension TextRasterizer {
    /// Which face draws the text.
    public enum Weight: String, Codable, Sendable, Hashable {
        case regular, bold
    }
}

/// Why a rasterizer could not be built; each message says what to do.
public enum TextRasterizerError: Error, Equatable, CustomStringConvertible {
    case freeTypeUnavailable(code: Int32)
    case unreadableFont(path: String, code: Int32)
    /// The font opens but lacks Vietnamese letters: tickets would print empty boxes.
    case fontLacksVietnamese(path: String, missing: String)
    case badSize(Int)

    public var description: String {
        switch self {
        case .freeTypeUnavailable(let code):
            "FreeType could not start (error \(code)); reinstall libfreetype6."
        case .unreadableFont(let path, let code):
            "Không đọc được phông chữ — cannot open font \(path) (FreeType error \(code)). "
                + "Check the file, or install fonts-dejavu-core and unset \(FontLocator.environmentVariable)."
        case .fontLacksVietnamese(let path, let missing):
            "Phông chữ thiếu chữ tiếng Việt — \(path) has no glyphs for \(missing). "
                + "Use DejaVu Sans (package fonts-dejavu-core) or another font that covers Vietnamese."
        case .badSize(let size):
            "Text size \(size) is out of range (1...1000 dots)."
        }
    }
}
