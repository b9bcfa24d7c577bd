import Foundation

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
