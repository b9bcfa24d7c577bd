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
