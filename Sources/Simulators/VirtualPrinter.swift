public import DeviceProtocols

/// A thermal printer in memory: decodes the ESC/POS stream the encoder emits onto paper at the profile's
/// width, cutting a page at every `GS V`, and answers `DLE EOT n` from its `sensors`.
///
/// Model (one dot = one vertical motion unit, as on 203-dpi printers):
/// - `GS v 0` strips are drawn at the current alignment and advance the paper by their height;
///   modes 1–3 double the width and/or height.
/// - `GS ( k` (QR, model 2): fn 67/69 set module size and error correction, fn 80 stores data, fn 81 draws a
///   real QR symbol of the stored bytes (see `VirtualPrinterQRCode`) and advances by its height.
/// - Text mode: printable bytes fill a line buffer that `LF`, `ESC d`, `ESC J` or a cut prints in Font A cells
///   (12 × 24 dots, wrapping at the paper width). Glyphs are not rasterised: each non-space character is a
///   cell outline, and the exact text is in `VirtualPrinterPage.textLines`. Text without a line end is not
///   printed, as on a real printer.
/// - `ESC d n` feeds n × line spacing (`ESC 3`, default 34 dots ≈ 1/6 in), `ESC J n` n dots, `LF` one line.
/// - `GS V 0/1` cut at the current position; `GS V 65/66 n` feed n dots first. The cutter-to-head distance
///   is not modelled: a cut takes everything printed so far.
/// - `ESC @` resets alignment, line spacing, the line buffer and the QR settings and data; `ESC 2` restores
///   the default line spacing; `CR` is ignored.
/// - `DLE EOT n` is recorded in `statusRequests` and answered from `sensors` (the reply bytes are returned
///   by `receive`).
///
/// Commands that would change glyph size or style (`ESC !`, `GS !`, …) are refused rather than ignored, so a
/// test never passes on a layout the virtual printer did not really model. After an error, discard it.
public struct VirtualPrinter: Sendable {
    static let defaultLineSpacing = 34
    static let cellWidth = 12
    static let cellHeight = 24

    public let profile: PrinterProfile
    public var sensors: VirtualPrinterSensors
    /// Pages cut off so far.
    public internal(set) var pages: [VirtualPrinterPage] = []
    public internal(set) var statusRequests: [UInt8] = []

    var pending: [UInt8] = []
    var pendingOffset = 0
    var paper: VirtualPrinterPaper
    var page = VirtualPrinterPage(bitmap: Bitmap(width: 1, height: 0), cut: nil)
    var y = 0
    var alignment = 0
    var lineSpacing = defaultLineSpacing
    var line: [UInt8] = []
    var qr = VirtualPrinterQRSettings()

    /// A printer for `profile`; it answers status requests only if the profile says the model does.
    public init(profile: PrinterProfile, sensors: VirtualPrinterSensors? = nil) {
        self.profile = profile
        self.sensors = sensors ?? VirtualPrinterSensors(answersStatus: profile.statusSupported)
        paper = VirtualPrinterPaper(width: profile.paperWidthDots)
    }

    /// Decodes a whole stream and ends it.
    public static func print(_ bytes: [UInt8], profile: PrinterProfile) throws(VirtualPrinterError)
        -> VirtualPrinterPrintout
    {
        var printer = VirtualPrinter(profile: profile)
        try printer.receive(bytes)
        return try printer.printout()
    }

    /// Takes bytes as they arrive (commands may be split across calls, as over USB) and returns the status
    /// reply bytes the printer sends back.
    @discardableResult
    public mutating func receive(_ bytes: [UInt8]) throws(VirtualPrinterError) -> [UInt8] {
        pending += bytes
        var index = 0
        var replies: [UInt8] = []
        defer {
            pending.removeFirst(index)
            pendingOffset += index
        }
        parsing: while index < pending.count {
            let offset = pendingOffset + index
            switch try VirtualPrinterCommand.parse(pending, at: index, offset: offset) {
            case .needMore: break parsing
            case .command(let command, let length):
                if let reply = try execute(command, offset: offset) { replies.append(reply) }
                index += length
            }
        }
        return replies
    }

    /// What has been printed so far, as if the stream ended now (the printer can keep receiving): a
    /// half-received command is an error; paper not yet cut becomes a last page with `cut == nil` if anything
    /// was fed or printed on it.
    public func printout() throws(VirtualPrinterError) -> VirtualPrinterPrintout {
        if !pending.isEmpty,
            case .needMore(let command, let missing) = try VirtualPrinterCommand.parse(
                pending, at: 0, offset: pendingOffset)
        {
            throw .incompleteCommand(offset: pendingOffset, command: command, missingBytes: missing)
        }
        var all = pages
        let printed = !page.rasterStrips.isEmpty || !page.qrCodes.isEmpty || !page.textLines.isEmpty
        if y > 0 || paper.rows > 0 || printed {
            var tail = paper
            var last = page
            last.bitmap = tail.cut(at: max(y, paper.rows))
            all.append(last)
        }
        return VirtualPrinterPrintout(
            paperWidthDots: profile.paperWidthDots, pages: all, statusRequests: statusRequests)
    }
}
