/// What one printer model can do, loaded from `devices/printers/*.json`: adding a printer is adding a file.
public struct PrinterProfile: Codable, Sendable, Equatable {
    /// How the ticket leaves the printer: the cut command, or none.
    public enum Cut: String, Codable, Sendable, CaseIterable {
        /// `GS V 0` / `GS V 1`.
        case full, partial
        /// `GS V 65 n` / `GS V 66 n`: feed n dots, then cut.
        case feedFull = "feed-full"
        case feedPartial = "feed-partial"
        /// No cutter: feed so the ticket can be torn off.
        case none
    }

    public var id: String
    public var name: String
    /// USB ids as 4-digit hex strings, e.g. "0416" and "5011".
    public var vendorID: String
    public var productID: String
    /// 384 for 58 mm paper, 576 for 80 mm.
    public var paperWidthDots: Int
    public var cut: Cut
    /// Whether the printer's own QR command (`GS ( k`) can be used instead of a raster QR.
    public var nativeQR: Bool
    /// Whether a Vietnamese code page really works (most cheap printers: no; text is then rasterised).
    public var vietnameseCodePage: Bool
    /// Whether `DLE EOT n` status requests are answered.
    public var statusSupported: Bool
    /// Tallest raster strip (`GS v 0`) the printer buffers reliably.
    public var maxStripHeight: Int
    /// Line spacing in dots for text mode (`ESC 3 n`).
    public var lineSpacing: Int

    public init(
        id: String, name: String, vendorID: String, productID: String, paperWidthDots: Int, cut: Cut, nativeQR: Bool,
        vietnameseCodePage: Bool, statusSupported: Bool, maxStripHeight: Int, lineSpacing: Int
    ) {
        self.id = id
        self.name = name
        self.vendorID = vendorID
        self.productID = productID
        self.paperWidthDots = paperWidthDots
        self.cut = cut
        self.nativeQR = nativeQR
        self.vietnameseCodePage = vietnameseCodePage
        self.statusSupported = statusSupported
        self.maxStripHeight = maxStripHeight
        self.lineSpacing = lineSpacing
    }
}
