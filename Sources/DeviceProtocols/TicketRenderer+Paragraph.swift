extension TicketRenderer {
    /// Laid-out lines of one text, with the vertical metrics to stack them: measuring first lets boxes and
    /// rows size themselves around their text before anything is drawn.
    struct Paragraph {
        let runs: [TextRasterizer.Run]
        let gap: Int
        /// Use the inked height rather than the font's line height.
        let trim: Bool

        func ascent(_ run: TextRasterizer.Run) -> Int { trim ? -(run.inkBounds?.minY ?? 0) : run.ascent }
        func descent(_ run: TextRasterizer.Run) -> Int { trim ? (run.inkBounds?.maxY ?? 0) : run.descent }

        /// Ascent of the first line: where its baseline sits below the paragraph's top.
        var firstAscent: Int { runs.first.map(ascent) ?? 0 }
        var height: Int {
            runs.reduce(0) { $0 + ascent($1) + descent($1) } + gap * max(0, runs.count - 1)
        }
        var width: Int { runs.map(\.width).max() ?? 0 }

        /// Draws each line aligned within `left..<left + width`, the first line's top at `top`.
        func draw(
            into bitmap: inout Bitmap, left: Int, width: Int, top: Int, alignment: TicketLayout.Text.Alignment,
            ink: Bool = true
        ) {
            var y = top
            for run in runs {
                let x: Int
                switch alignment {
                case .left: x = left
                case .center: x = left + (width - run.width) / 2
                case .right: x = left + width - run.width
                }
                run.draw(into: &bitmap, x: x, baseline: y + ascent(run), ink: ink)
                y += ascent(run) + descent(run) + gap
            }
        }
    }
}
