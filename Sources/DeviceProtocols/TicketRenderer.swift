public import Foundation

/// Draws a whole ticket as one 1-bit image the width of the paper, ready for `GS v 0` raster printing:
/// Vietnamese text from a real font, the big number, the priority mark, the wait figures, the no-wait
/// promise and a QR code to follow the queue. What goes where comes from the template, not from code.
public struct TicketRenderer: Sendable {
    public let layout: TicketLayout
    public let rasterizer: TextRasterizer

    public init(layout: TicketLayout, rasterizer: TextRasterizer) {
        self.layout = layout
        self.rasterizer = rasterizer
    }

    /// Loads the template (e.g. assets/ticket/template.json) and opens the fonts; throws
    /// `TicketLayoutError`, `FontLocatorError` or `TextRasterizerError`, each saying what to fix.
    public init(templateURL: URL, fontLocator: FontLocator = FontLocator()) throws {
        let layout = try TicketLayout.load(from: templateURL)
        self.init(layout: layout, rasterizer: try TextRasterizer(fontLocator: fontLocator))
    }

    /// The ticket for a printer: `profile.paperWidthDots` wide, as tall as its content.
    public func render(_ content: TicketContent, for profile: PrinterProfile) throws(TicketRendererError) -> Bitmap {
        try render(content, paperWidthDots: profile.paperWidthDots)
    }

    /// The ticket for paper `paperWidthDots` wide (384 for 58 mm, 576 for 80 mm).
    public func render(_ content: TicketContent, paperWidthDots width: Int) throws(TicketRendererError) -> Bitmap {
        guard width >= 160 else { throw .paperTooNarrow(width: width) }
        let page = Page(layout: layout, width: width, rasterizer: rasterizer, content: content)
        var ticket = page.blank(page.scaled(layout.margins.top))
        for block in layout.blocks where page.shows(block) {
            guard let strip = try page.strip(for: block) else { continue }
            ticket.append(page.blank(page.scaled(block.spaceBefore ?? 0)))
            ticket.append(strip)
            ticket.append(page.blank(page.scaled(block.spaceAfter ?? 0)))
        }
        ticket.append(page.blank(page.scaled(layout.margins.bottom)))
        return ticket
    }
}

extension TicketRenderer.Page {
    /// Lines inside a box across the paper: inverted (white on black) for the priority mark, which staff
    /// must notice at a glance, or framed for the promise.
    func boxStrip(_ block: TicketLayout.Block) -> Bitmap? {
        let style = block.style ?? .inverted
        let border = style == .outline ? max(2, scaled(3)) : 0
        let padding = max(2, scaled(block.padding ?? 8))
        let inner = lineWidth - 2 * (padding + border)
        let specs = block.lines ?? []
        let paragraphs = specs.compactMap { spec in paragraph(spec, maxWidth: inner).map { (spec, $0) } }
        guard !paragraphs.isEmpty else { return nil }
        let lineGap = max(2, scaled(4))
        let textHeight = paragraphs.reduce(0) { $0 + $1.1.height } + lineGap * (paragraphs.count - 1)
        var strip = blank(textHeight + 2 * (padding + border))

        for y in 0..<strip.height {
            for x in side..<(side + lineWidth) {
                let edge = y < border || y >= strip.height - border || x < side + border || x >= side + lineWidth - border
                if style == .inverted || edge { strip[x, y] = true }
            }
        }
        var top = border + padding
        for (spec, paragraph) in paragraphs {
            paragraph.draw(
                into: &strip, left: side + border + padding, width: inner, top: top, alignment: spec.align ?? .center,
                ink: style != .inverted
            )
            top += paragraph.height + lineGap
        }
        return strip
    }
}

extension TicketRenderer {
    /// One ticket being drawn at one paper width: scales the template's reference sizes and turns each
    /// block into a strip as wide as the paper; the strips are stacked into the ticket.
    struct Page {
        let layout: TicketLayout
        let width: Int
        let rasterizer: TextRasterizer
        let content: TicketContent

        var scale: Double { Double(width) / Double(layout.referenceWidth) }
        var side: Int { max(4, scaled(layout.margins.side)) }
        /// Printable width between the side margins.
        var lineWidth: Int { width - 2 * side }

        func scaled(_ value: Int) -> Int { Int((Double(value) * scale).rounded()) }

        func blank(_ height: Int) -> Bitmap { Bitmap(width: width, height: max(0, height)) }

        /// Optional parts appear only when the ticket has them.
        func shows(_ block: TicketLayout.Block) -> Bool {
            switch block.when {
            case nil: true
            case .priority: !(content.priorityLabel ?? "").isEmpty
            case .promise: !(content.promiseLine ?? "").isEmpty
            case .training: content.training == true
            case .statusLink: !content.statusURL.isEmpty
            }
        }

        /// The block drawn across the paper, or `nil` when it has nothing to show (e.g. empty text).
        func strip(for block: TicketLayout.Block) throws(TicketRendererError) -> Bitmap? {
            switch block.kind {
            case .text: block.text.flatMap(textStrip)
            case .rule: ruleStrip(thickness: block.thickness ?? 2, dash: block.dash)
            case .box: boxStrip(block)
            case .row: rowStrip(block)
            case .qr: try qrStrip(block)
            case .space: blank(scaled(block.height ?? 0))
            case .logo: logoStrip(block)
            }
        }

        /// Text size at this paper width: scaled, but body text no smaller than the template's minimum.
        func style(_ spec: TicketLayout.Text) -> (style: TextRasterizer.Style, minSize: Int) {
            let floor = spec.minSize ?? layout.minTextSize
            let size = max(scaled(spec.size), min(floor, spec.size))
            let style = TextRasterizer.Style(size: size, weight: spec.weight ?? .regular, widthScale: spec.widthScale ?? 1)
            return (style, min(size, floor))
        }

        /// The spec's text with placeholders filled in, trimmed; `nil` when that leaves nothing.
        func words(_ spec: TicketLayout.Text) -> String? {
            let text = content.substitute(spec.text).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        private func textStrip(_ spec: TicketLayout.Text) -> Bitmap? {
            guard let paragraph = paragraph(spec, maxWidth: lineWidth) else { return nil }
            var strip = blank(paragraph.height)
            paragraph.draw(into: &strip, left: side, width: lineWidth, top: 0, alignment: spec.align ?? .left)
            return strip
        }

        private func ruleStrip(thickness: Int, dash: Int?) -> Bitmap {
            var strip = blank(max(1, scaled(thickness)))
            let period = dash.map { max(2, scaled($0)) }
            for y in 0..<strip.height {
                for x in side..<(side + lineWidth) where period.map({ (x - side) % (2 * $0) < $0 }) ?? true {
                    strip[x, y] = true
                }
            }
            return strip
        }

        /// Sets a text spec as a paragraph no wider than `maxWidth`, following its fit rule.
        func paragraph(_ spec: TicketLayout.Text, maxWidth: Int) -> Paragraph? {
            guard let text = words(spec) else { return nil }
            let (style, minSize) = style(spec)
            // Centred text is balanced across its lines; left-aligned text fills each line.
            let balanced = spec.align == .center
            var lines: [String]
            var used = style
            switch spec.fit ?? .wrap {
            case .wrap:
                (used, lines) = rasterizer.fit(
                    text, style: style, minSize: minSize, maxWidth: maxWidth, maxLines: spec.maxLines ?? 4, balanced: balanced)
            case .shrink:
                used = rasterizer.shrinkToFit(text, style: style, minSize: minSize, maxWidth: maxWidth)
                lines = rasterizer.wrap(text, style: used, maxWidth: maxWidth, balanced: balanced)
            }
            let runs = lines.map { rasterizer.layout($0, style: used) }
            let gap = spec.lineGap.map(scaled) ?? max(2, used.size / 8)
            return Paragraph(runs: runs, gap: gap, trim: spec.trim ?? false)
        }
    }
}

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

extension TicketRenderer.Page {
    /// Modules smaller than this many dots (0.375 mm at 203 dpi) scan poorly from thermal paper; the code
    /// may then grow past the template's `maxWidth`.
    private static let smallestGoodScale = 3

    /// The QR code centred on the paper, with its quiet zone, at the largest whole-dot module size allowed.
    func qrStrip(_ block: TicketLayout.Block) throws(TicketRendererError) -> Bitmap? {
        let data = content.substitute(block.data ?? "{url}").trimmingCharacters(in: .whitespaces)
        guard !data.isEmpty else { return nil }
        let code: QRCode
        do {
            code = try QRCode(encoding: data)
        } catch {
            throw .qrCode(error)
        }
        let maximum = block.maxScale ?? 8
        let allowed = Int(Double(lineWidth) * (block.maxWidth ?? 0.5))
        let preferred = code.largestScale(fittingWidth: allowed, maximum: maximum) ?? 0
        let widest = code.largestScale(fittingWidth: width, maximum: min(maximum, Self.smallestGoodScale)) ?? 0
        let scale = max(preferred, widest)
        guard scale >= 1 else { throw .qrCodeTooLarge(modules: code.size, paperWidth: width) }
        let side = code.side(scale: scale)
        var strip = blank(side)
        code.draw(into: &strip, x: (width - side) / 2, y: 0, scale: scale)
        return strip
    }
}

extension TicketRenderer.Page {
    /// The hall's logo centred, scaled (nearest dot) to fit `maxWidth` of the line and `height` dots, in black where
    /// the logo is darker than mid-gray; nothing when the hall has no logo.
    func logoStrip(_ block: TicketLayout.Block) -> Bitmap? {
        guard let logo = content.logo, logo.width > 0, logo.height > 0 else { return nil }
        let boxWidth = Double(lineWidth) * (block.maxWidth ?? 0.5)
        let boxHeight = Double(scaled(block.height ?? 96))
        let scale = min(boxWidth / Double(logo.width), boxHeight / Double(logo.height))
        let drawnWidth = max(1, Int(Double(logo.width) * scale))
        let drawnHeight = max(1, Int(Double(logo.height) * scale))
        var strip = blank(drawnHeight)
        let left = (width - drawnWidth) / 2
        for y in 0..<drawnHeight {
            let sourceY = min(logo.height - 1, Int(Double(y) / scale))
            for x in 0..<drawnWidth where logo[min(logo.width - 1, Int(Double(x) / scale)), sourceY] < 128 {
                strip[left + x, y] = true
            }
        }
        return strip
    }
}

extension TicketRenderer.Page {
    /// Label on the left with its English line under it, value on the right on the label's baseline, as on
    /// a receipt. When both do not fit side by side (58 mm paper), the value goes under the label, still
    /// right-aligned, rather than shrinking the label.
    func rowStrip(_ block: TicketLayout.Block) -> Bitmap? {
        guard let labelSpec = block.label, let valueSpec = block.value,
            let value = paragraph(valueSpec, maxWidth: lineWidth)
        else { return nil }
        let gap = max(8, scaled(16))
        // Side by side when the label fits beside the value on one line, or may wrap in at least 40 % of it.
        let labelNatural = words(labelSpec).map { rasterizer.width(of: $0, style: style(labelSpec).style) } ?? 0
        let room = lineWidth - value.width - gap
        let inline = value.runs.count == 1 && (labelNatural <= room || room >= lineWidth * 2 / 5)
        let labelWidth = inline ? lineWidth - value.width - gap : lineWidth
        let label = paragraph(labelSpec, maxWidth: labelWidth)
        let sublabel = block.sublabel.flatMap { paragraph($0, maxWidth: labelWidth) }
        let subGap = sublabel == nil ? 0 : max(1, scaled(2))

        let baseline = inline ? max(label?.firstAscent ?? 0, value.firstAscent) : (label?.firstAscent ?? 0)
        let labelTop = baseline - (label?.firstAscent ?? 0)
        let leftHeight = labelTop + (label?.height ?? 0) + subGap + (sublabel?.height ?? 0)
        let valueTop = inline ? baseline - value.firstAscent : leftHeight + max(2, scaled(4))
        var strip = blank(max(leftHeight, valueTop + value.height))

        label?.draw(into: &strip, left: side, width: labelWidth, top: labelTop, alignment: .left)
        let sublabelTop = labelTop + (label?.height ?? 0) + subGap
        sublabel?.draw(into: &strip, left: side, width: labelWidth, top: sublabelTop, alignment: .left)
        value.draw(into: &strip, left: side, width: lineWidth, top: valueTop, alignment: .right)
        return strip
    }
}

/// Why a ticket could not be drawn for a printer.
public enum TicketRendererError: Error, Equatable, CustomStringConvertible {
    case paperTooNarrow(width: Int)
    case qrCode(QRCodeError)
    /// The status URL makes a QR code too big for the paper even at one dot per module.
    case qrCodeTooLarge(modules: Int, paperWidth: Int)

    public var description: String {
        switch self {
        case .paperTooNarrow(let width):
            "Paper width \(width) dots is too narrow for a ticket; check paperWidthDots in the printer profile (384 or 576)."
        case .qrCode(let error):
            error.description
        case .qrCodeTooLarge(let modules, let width):
            "A \(modules)-module QR code does not fit on \(width)-dot paper: use a shorter status URL (--public-url)."
        }
    }
}
