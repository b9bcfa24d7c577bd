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

extension VirtualPrinter {
    /// Applies one command; returns the status byte to send back, if any.
    mutating func execute(_ command: VirtualPrinterCommand, offset: Int) throws(VirtualPrinterError) -> UInt8? {
        switch command {
        case .initialize:
            alignment = 0
            lineSpacing = Self.defaultLineSpacing
            line = []
            qr = VirtualPrinterQRSettings()
        case .align(let n): alignment = n
        case .lineSpacing(let n): lineSpacing = n
        case .defaultLineSpacing: lineSpacing = Self.defaultLineSpacing
        case .carriageReturn: break
        case .character(let byte): line.append(byte)
        case .lineFeed:
            printLine()
            y += lineSpacing
        case .feedLines(let n):
            printLine()
            y += n * lineSpacing
        case .feedDots(let n):
            printLine()
            y += n
        case .cut(let partial, let feedDots):
            printLine()
            y += feedDots
            cutPage(partial ? .partial : .full)
        case .raster(let mode, let bytesPerRow, let rows, let data):
            guard line.isEmpty else { throw .textPendingBeforeImage(offset: offset) }
            try drawRaster(mode: mode, bytesPerRow: bytesPerRow, rows: rows, data: data, offset: offset)
        case .qr(let function, let parameters):
            try applyQR(function: function, parameters: parameters, offset: offset)
        case .statusRequest(let n):
            statusRequests.append(n)
            return sensors.reply(to: n)
        }
        return nil
    }

    /// Left edge for something `width` dots wide at the current alignment.
    func alignedX(width: Int) -> Int {
        switch alignment {
        case 1: (profile.paperWidthDots - width) / 2
        case 2: profile.paperWidthDots - width
        default: 0
        }
    }

    mutating func cutPage(_ cut: VirtualPrinterPage.Cut) {
        var done = page
        done.cut = cut
        done.bitmap = paper.cut(at: y)
        pages.append(done)
        page = VirtualPrinterPage(bitmap: Bitmap(width: 1, height: 0), cut: nil)
        y = 0
    }

    private mutating func drawRaster(
        mode: Int, bytesPerRow: Int, rows: Int, data: [UInt8], offset: Int
    ) throws(VirtualPrinterError) {
        let scaleX = mode & 1 == 1 ? 2 : 1
        let scaleY = mode & 2 == 2 ? 2 : 1
        let width = bytesPerRow * 8 * scaleX
        guard width <= profile.paperWidthDots else {
            throw .imageTooWide(offset: offset, width: width, paperWidthDots: profile.paperWidthDots)
        }
        let x = alignedX(width: width)
        for row in 0..<rows {
            let source = data[(row * bytesPerRow)..<((row + 1) * bytesPerRow)]
            for repeatRow in 0..<scaleY {
                let targetY = y + row * scaleY + repeatRow
                if scaleX == 1 {
                    paper.blit(source, x: x, y: targetY)
                } else {
                    for (index, byte) in source.enumerated() {
                        for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 {
                            paper.fill(
                                VirtualPrinterRegion(x: x + (index * 8 + bit) * 2, y: targetY, width: 2, height: 1))
                        }
                    }
                }
            }
        }
        let region = VirtualPrinterRegion(x: x, y: y, width: width, height: rows * scaleY)
        paper.grow(to: y + region.height)
        page.rasterStrips.append(region)
        y += region.height
    }
}

extension VirtualPrinter {
    /// `GS ( k` cn 49: 65 model, 67 module size, 69 error correction, 80 store, 81 print, 82 size query.
    mutating func applyQR(function: UInt8, parameters: [UInt8], offset: Int) throws(VirtualPrinterError) {
        func parameter(_ index: Int) throws(VirtualPrinterError) -> Int {
            guard index < parameters.count else {
                throw .invalidParameter(offset: offset, command: "GS ( k fn \(function)", value: parameters.count)
            }
            return Int(parameters[index])
        }
        switch function {
        case 65: qr.model = try parameter(0)
        case 67:
            let size = try parameter(0)
            guard (1...16).contains(size) else {
                throw .invalidParameter(offset: offset, command: "GS ( k module size", value: size)
            }
            qr.moduleSize = size
        case 69:
            let level = try parameter(0)
            guard let correction = EscPosQRErrorCorrection(rawValue: UInt8(level)) else {
                throw .invalidParameter(offset: offset, command: "GS ( k error correction", value: level)
            }
            qr.errorCorrection = correction
        case 80:
            guard try parameter(0) == 0x30 else {
                throw .invalidParameter(offset: offset, command: "GS ( k store m", value: try parameter(0))
            }
            qr.stored = Array(parameters.dropFirst())
        case 81:
            guard line.isEmpty else { throw .textPendingBeforeImage(offset: offset) }
            try printQR(offset: offset)
        case 82: break
        default:
            throw .unsupportedCommand(offset: offset, name: "GS ( k QR function \(function)")
        }
    }

    private mutating func printQR(offset: Int) throws(VirtualPrinterError) {
        guard let data = qr.stored, !data.isEmpty else { throw .qrPrintWithoutData(offset: offset) }
        guard qr.model == 50 else { throw .qrUnsupportedModel(offset: offset, model: qr.model) }
        guard let symbol = VirtualPrinterQRSymbol(data: data, errorCorrection: qr.errorCorrection) else {
            throw .qrEncodingFailed(offset: offset, byteCount: data.count)
        }
        let side = symbol.size * qr.moduleSize
        guard side <= profile.paperWidthDots else {
            throw .imageTooWide(offset: offset, width: side, paperWidthDots: profile.paperWidthDots)
        }
        let region = VirtualPrinterRegion(x: alignedX(width: side), y: y, width: side, height: side)
        for row in 0..<symbol.size {
            for column in 0..<symbol.size where symbol.modules[row * symbol.size + column] {
                paper.fill(
                    VirtualPrinterRegion(
                        x: region.x + column * qr.moduleSize, y: region.y + row * qr.moduleSize, width: qr.moduleSize,
                        height: qr.moduleSize))
            }
        }
        paper.grow(to: region.y + side)
        page.qrCodes.append(
            VirtualPrinterQRCode(
                data: data, moduleSize: qr.moduleSize, errorCorrection: qr.errorCorrection, version: symbol.version,
                region: region))
        y += side
    }
}

extension VirtualPrinter {
    /// Prints the line buffer in Font A cells at the current position, wrapping at the paper width; each
    /// wrapped line after the first advances by the line spacing, as the printer's automatic line feed does.
    mutating func printLine() {
        guard !line.isEmpty else { return }
        let columns = max(1, profile.paperWidthDots / Self.cellWidth)
        var start = 0
        while start < line.count {
            if start > 0 { y += lineSpacing }
            let chunk = Array(line[start..<min(start + columns, line.count)])
            let width = chunk.count * Self.cellWidth
            let x = alignedX(width: width)
            for (index, byte) in chunk.enumerated() where byte != 0x20 {
                paper.frame(
                    VirtualPrinterRegion(
                        x: x + index * Self.cellWidth + 1, y: y + 1, width: Self.cellWidth - 2,
                        height: Self.cellHeight - 2))
            }
            paper.grow(to: y + Self.cellHeight)
            let text = String(chunk.map { Character(Unicode.Scalar($0)) })
            page.textLines.append(
                VirtualPrinterTextLine(
                    text: text, region: VirtualPrinterRegion(x: x, y: y, width: width, height: Self.cellHeight)))
            start += columns
        }
        line = []
    }
}

/// The `GS ( k` QR state a printer keeps between functions, with Epson's power-on defaults.
struct VirtualPrinterQRSettings: Equatable {
    var model = 50
    var moduleSize = 3
    var errorCorrection = EscPosQRErrorCorrection.low
    var stored: [UInt8]?
}

/// A line printed in text mode: the exact characters (as Latin-1, since code pages are not modelled) and
/// where the line's Font A cells (12 × 24 dots) landed.
public struct VirtualPrinterTextLine: Sendable, Equatable {
    public var text: String
    public var region: VirtualPrinterRegion

    public init(text: String, region: VirtualPrinterRegion) {
        self.text = text
        self.region = region
    }
}

/// A rectangle on a virtual printer page, in dots from the page's top-left corner.
public struct VirtualPrinterRegion: Sendable, Equatable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest rectangle holding both.
    public func union(_ other: VirtualPrinterRegion) -> VirtualPrinterRegion {
        let left = min(x, other.x)
        let top = min(y, other.y)
        let right = max(x + width, other.x + other.width)
        let bottom = max(y + height, other.y + other.height)
        return VirtualPrinterRegion(x: left, y: top, width: right - left, height: bottom - top)
    }

    public var description: String { "\(width)×\(height) at (\(x), \(y))" }
}

/// Why the virtual printer refused a byte stream. A real printer would print garbage or nothing; in tests a
/// precise error (with the stream offset) points at the encoder bug instead.
public enum VirtualPrinterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A byte that starts no command the virtual printer knows.
    case unknownCommand(offset: Int, bytes: [UInt8])
    /// A real ESC/POS command that the virtual printer does not model (its effect on paper would be guessed).
    case unsupportedCommand(offset: Int, name: String)
    case invalidParameter(offset: Int, command: String, value: Int)
    /// The stream ended inside a command.
    case incompleteCommand(offset: Int, command: String, missingBytes: Int)
    case imageTooWide(offset: Int, width: Int, paperWidthDots: Int)
    /// Raster and QR images only print at the start of a line; pending text would be lost on a real printer.
    case textPendingBeforeImage(offset: Int)
    case qrPrintWithoutData(offset: Int)
    case qrUnsupportedModel(offset: Int, model: Int)
    case qrEncodingFailed(offset: Int, byteCount: Int)

    public var description: String {
        switch self {
        case .unknownCommand(let offset, let bytes):
            "byte \(offset): unknown command \(Self.hex(bytes))"
        case .unsupportedCommand(let offset, let name):
            "byte \(offset): \(name) is not modelled by the virtual printer"
        case .invalidParameter(let offset, let command, let value):
            "byte \(offset): \(command) with invalid parameter \(value)"
        case .incompleteCommand(let offset, let command, let missingBytes):
            "byte \(offset): stream ends inside \(command) (\(missingBytes) more byte(s) expected)"
        case .imageTooWide(let offset, let width, let paperWidthDots):
            "byte \(offset): image \(width) dots wide on \(paperWidthDots)-dot paper"
        case .textPendingBeforeImage(let offset):
            "byte \(offset): image command while text is pending in the line buffer (send LF first)"
        case .qrPrintWithoutData(let offset):
            "byte \(offset): GS ( k print (fn 81) before any data was stored (fn 80)"
        case .qrUnsupportedModel(let offset, let model):
            "byte \(offset): GS ( k QR model \(model) is not modelled (only model 2, n1 = 50)"
        case .qrEncodingFailed(let offset, let byteCount):
            "byte \(offset): \(byteCount) bytes of QR data do not fit in a QR symbol at the selected level"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
