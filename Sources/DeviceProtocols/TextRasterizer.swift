import Foundation
import Synchronization

/// Turns Vietnamese text into 1-bit pixels with FreeType, because thermal printers cannot be trusted with
/// Vietnamese code pages. Input is NFC-normalised first, so text typed or stored in decomposed form (NFD)
/// prints exactly like precomposed text.
///
/// Safe to share between tasks: the FreeType library, faces and glyph cache sit behind one mutex, and
/// measuring and drawing produce a `Run` value that is used outside the lock.
public final class TextRasterizer: Sendable {
    public let fonts: FontLocator.Fonts
    private let engine: Mutex<TextRasterizerEngine>
    /// Laid-out runs by text and style. Most of a ticket (labels, the centre and field names) repeats on
    /// every ticket and wrapping measures the same prefixes again and again; this keeps render + encode of
    /// an 80 mm ticket well under the printer's own time. Bounded: emptied when it reaches `cacheLimit`.
    private let runs = Mutex<[RunKey: Run]>([:])
    static let cacheLimit = 2048

    struct RunKey: Hashable {
        let text: String
        let style: Style
    }

    /// Opens the fonts; fails when they cannot be read or do not cover Vietnamese.
    public init(fonts: FontLocator.Fonts) throws(TextRasterizerError) {
        self.fonts = fonts
        engine = Mutex(try TextRasterizerEngine(fonts: fonts))
    }

    /// Finds the fonts with `fontLocator` and opens them.
    public convenience init(fontLocator: FontLocator = FontLocator()) throws {
        try self.init(fonts: try fontLocator.locate())
    }

    /// Lays out one line (line breaks print as spaces; use `wrap` for paragraphs).
    public func layout(_ text: String, style: Style) -> Run {
        let key = RunKey(text: text, style: style)
        if let cached = runs.withLock({ $0[key] }) { return cached }
        let normalised = text.precomposedStringWithCanonicalMapping
        let safe = style.resized(min(1000, max(1, style.size)))
        let run = engine.withLock { engine in engine.layout(normalised, style: safe) }
        runs.withLock { runs in
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
        return engine.withLock { engine in engine.lineMetrics(safe) }
    }
}
