import Foundation

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
