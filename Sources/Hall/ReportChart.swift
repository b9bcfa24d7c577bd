/// A hand-drawn horizontal bar chart as inline SVG, so the printed report needs no script or external file.
struct ReportChart {
    struct Bar {
        var label: String
        var value: Double
        /// The text printed after the bar (the value with its unit).
        var text: String
        /// A marker drawn across the bar at this value (a target), if any.
        var target: Double?
        /// Whether the bar met its target (green) or not (red); `nil` draws it neutral blue.
        var met: Bool?
    }

    var title: String
    var bars: [Bar]
    /// The value of a full-width bar; the largest bar's value when `nil`.
    var scale: Double?

    static let width = 680
    static let labelWidth = 170
    static let barArea = 420
    static let rowHeight = 18

    var svg: String {
        let height = max(1, bars.count) * Self.rowHeight + 30
        let top = max(scale ?? 0, bars.map(\.value).max() ?? 0, bars.compactMap(\.target).max() ?? 0)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Self.width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-label=\"\(ReportHTML.escape(title))\">"
        out += "<text x=\"0\" y=\"14\" class=\"chart-title\">\(ReportHTML.escape(title))</text>"
        if bars.isEmpty {
            out += "<text x=\"0\" y=\"36\" class=\"chart-empty\">Chưa có dữ liệu (no data)</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = 24 + index * Self.rowHeight
            let length = top > 0 ? Int((bar.value / top * Double(Self.barArea)).rounded()) : 0
            let colour = bar.met.map { $0 ? "#2e7d32" : "#c62828" } ?? "#1565c0"
            out += "<text x=\"\(Self.labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(ReportHTML.escape(bar.label))</text>"
            out +=
                "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(max(0, length))\" height=\"\(Self.rowHeight - 6)\" fill=\"\(colour)\"/>"
            if let target = bar.target, top > 0 {
                let x = Self.labelWidth + Int((target / top * Double(Self.barArea)).rounded())
                out += "<line x1=\"\(x)\" y1=\"\(y + 1)\" x2=\"\(x)\" y2=\"\(y + Self.rowHeight - 1)\" stroke=\"#000\" stroke-width=\"2\"/>"
            }
            out += "<text x=\"\(Self.labelWidth + max(0, length) + 6)\" y=\"\(y + 13)\">\(ReportHTML.escape(bar.text))</text>"
        }
        return out + "</svg>"
    }
}
