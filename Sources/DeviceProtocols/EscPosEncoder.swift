/// Builds an ESC/POS byte stream for one printer profile. It is pure (no I/O): the transport writes
/// `bytes` with its one raw-write primitive, and tests compare them byte for byte, as python-escpos does.
///
/// Every builder method consumes the encoder and returns it extended, so a chain
/// `EscPosEncoder(profile: p).initialize().align(.center)…` appends in place without copying the buffer.
/// Methods that could send something the printer would misread (non-ASCII text, a QR command the profile
/// lacks, an image wider than the paper) throw instead.
public struct EscPosEncoder: Sendable, Equatable {
    public let profile: PrinterProfile
    public internal(set) var bytes: [UInt8] = []

    public init(profile: PrinterProfile) {
        self.profile = profile
    }

    /// Appends raw bytes; the escape hatch for commands this encoder does not model.
    public consuming func raw(_ more: [UInt8]) -> Self {
        bytes += more
        return self
    }

    /// `ESC @`: clears the buffer and resets modes, so each job starts from a known state.
    public consuming func initialize() -> Self { raw([0x1B, 0x40]) }

    /// `ESC a n`: applies to the next line and to raster images.
    public consuming func align(_ alignment: EscPosAlignment) -> Self { raw([0x1B, 0x61, alignment.rawValue]) }

    /// `ESC d n`: prints the buffer and feeds `lines` lines at the current line spacing.
    public consuming func feedLines(_ lines: UInt8) -> Self { raw([0x1B, 0x64, lines]) }

    /// `ESC J n`: prints the buffer and feeds `dots` vertical motion units (1 dot on 203-dpi printers).
    public consuming func feedDots(_ dots: UInt8) -> Self { raw([0x1B, 0x4A, dots]) }

    /// `ESC 3 n`: line spacing for text mode.
    public consuming func lineSpacing(_ dots: UInt8) -> Self { raw([0x1B, 0x33, dots]) }

    /// `LF`: prints the buffer and feeds one line.
    public consuming func lineFeed() -> Self { raw([0x0A]) }

    /// `DLE EOT n`: asks for one status byte. Send it between commands, never inside image data.
    public consuming func statusRequest(_ request: PrinterStatusRequest) -> Self { raw(request.command) }

    /// One line of text followed by `LF`. Only printable ASCII is accepted: control bytes would be read as
    /// commands, and Vietnamese letters depend on code pages most printers lack (rasterise those).
    public consuming func text(_ line: String) throws(EscPosError) -> Self {
        var encoded: [UInt8] = []
        for character in line {
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                (0x20...0x7E).contains(scalar.value)
            else { throw .textNotPrintableASCII(character: character) }
            encoded.append(UInt8(scalar.value))
        }
        return raw(encoded + [0x0A])
    }
}

extension EscPosEncoder {
    /// Advances the paper `feedDots` and cuts the way the profile's cutter can (`GS V`). The cutter sits past
    /// the print head, so a feed is needed for the last printed line to end up on the cut-off ticket.
    ///
    /// - `full` / `partial`: `ESC J feedDots` (omitted when 0), then `GS V 0` / `GS V 1`.
    /// - `feed-full` / `feed-partial`: `GS V 65 n` / `GS V 66 n`, the printer feeds n itself.
    /// - `none`: only the feed, so the ticket can be torn off.
    public consuming func cut(feedDots: UInt8 = 0) -> Self {
        switch profile.cut {
        case .full: return feedIfNeeded(feedDots).raw([0x1D, 0x56, 0x00])
        case .partial: return feedIfNeeded(feedDots).raw([0x1D, 0x56, 0x01])
        case .feedFull: return raw([0x1D, 0x56, 0x41, feedDots])
        case .feedPartial: return raw([0x1D, 0x56, 0x42, feedDots])
        case .none: return feedIfNeeded(feedDots)
        }
    }

    private consuming func feedIfNeeded(_ dots: UInt8) -> Self {
        dots == 0 ? self : feedDots(dots)
    }
}

extension EscPosEncoder {
    /// Native QR (`GS ( k`, cn = 0x31): model 2, module size, error correction, store, print — in the order
    /// Epson requires. Refused unless the profile says the printer has it; otherwise rasterise the QR code.
    public consuming func qrCode(
        _ data: [UInt8], moduleSize: Int = 6, errorCorrection: EscPosQRErrorCorrection = .medium
    ) throws(EscPosError) -> Self {
        guard profile.nativeQR else { throw .nativeQRNotSupported(profileID: profile.id) }
        guard (1...7089).contains(data.count) else { throw .qrDataLength(count: data.count) }
        guard (1...16).contains(moduleSize) else { throw .qrModuleSize(moduleSize) }
        let stored = data.count + 3
        return raw([0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(moduleSize)])
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, errorCorrection.rawValue])
            .raw([0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + data)
            .raw([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
    }

    /// The same for text, stored as UTF-8 (what phone scanners assume for byte-mode QR).
    public consuming func qrCode(
        _ text: String, moduleSize: Int = 6, errorCorrection: EscPosQRErrorCorrection = .medium
    ) throws(EscPosError) -> Self {
        try qrCode(Array(text.utf8), moduleSize: moduleSize, errorCorrection: errorCorrection)
    }
}

extension EscPosEncoder {
    /// `GS v 0` raster image, one command per strip of at most `profile.maxStripHeight` rows: cheap printers
    /// overflow their receive buffer on tall images and print the rest of the data as text.
    /// The bitmap's layout is already the command's (rows MSB-first, 1 = black), so rows are copied as is.
    public consuming func raster(_ bitmap: Bitmap) throws(EscPosError) -> Self {
        guard bitmap.width <= profile.paperWidthDots else {
            throw .imageTooWide(width: bitmap.width, paperWidthDots: profile.paperWidthDots)
        }
        let stripHeight = max(1, min(profile.maxStripHeight, 0xFFFF))
        var top = 0
        while top < bitmap.height {
            let bottom = min(top + stripHeight, bitmap.height)
            bytes += Self.rasterHeader(bytesPerRow: bitmap.bytesPerRow, rows: bottom - top)
            bytes += bitmap.rows(top..<bottom).data
            top = bottom
        }
        return self
    }

    /// `1D 76 30 00 xL xH yL yH`: mode 0 (normal density), width in bytes, height in rows, little-endian.
    static func rasterHeader(bytesPerRow: Int, rows: Int) -> [UInt8] {
        [
            0x1D, 0x76, 0x30, 0x00, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(rows & 0xFF),
            UInt8(rows >> 8),
        ]
    }
}

extension EscPosEncoder {
    /// Default paper advance after a ticket, in dots: 12 mm at 203 dpi, enough to bring the last printed row
    /// past the cutter (or the tear bar) on common printers.
    public static let defaultTicketFeedDots: UInt8 = 96

    /// A whole ticket from a rendered bitmap: `ESC @`, centre, raster strips, feed, cut (per profile).
    public static func ticketJob(
        bitmap: Bitmap, profile: PrinterProfile, feedDots: UInt8 = defaultTicketFeedDots
    ) throws(EscPosError) -> [UInt8] {
        try EscPosEncoder(profile: profile)
            .initialize()
            .align(.center)
            .raster(bitmap)
            .cut(feedDots: feedDots)
            .bytes
    }
}

/// Horizontal justification for `ESC a n`; it also positions raster images, which is how tickets are centred
/// without padding every bitmap to the paper width.
public enum EscPosAlignment: UInt8, Sendable, CaseIterable {
    case left = 0
    case center = 1
    case right = 2
}

/// Error-correction level of a native QR symbol (`GS ( k` fn 69). The byte values are Epson's 48…51; higher
/// levels survive smudged thermal paper better but make the symbol larger.
public enum EscPosQRErrorCorrection: UInt8, Sendable, CaseIterable {
    /// Recovers about 7 % of damaged codewords.
    case low = 48
    /// About 15 %: the usual choice for tickets.
    case medium = 49
    /// About 25 %.
    case quartile = 50
    /// About 30 %.
    case high = 51
}

/// Why the encoder refused to produce bytes. Each case says what the caller should do instead, because a
/// wrong byte sent to a printer is not an error the printer reports: it prints garbage or stops.
public enum EscPosError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile does not allow `GS ( k`; render the QR code as a raster image instead.
    case nativeQRNotSupported(profileID: String)
    /// QR data must be 1…7089 bytes (the largest numeric QR symbol); `count` is what was given.
    case qrDataLength(count: Int)
    /// Module size must be 1…16 dots.
    case qrModuleSize(Int)
    /// Text mode takes printable ASCII only; `character` is the first offending one.
    case textNotPrintableASCII(character: Character)
    /// The raster image is wider than the paper.
    case imageTooWide(width: Int, paperWidthDots: Int)

    public var description: String {
        switch self {
        case .nativeQRNotSupported(let profileID):
            "printer profile \"\(profileID)\" has nativeQR = false: render the QR code as a raster image instead"
        case .qrDataLength(let count):
            "QR data must be 1…7089 bytes, got \(count)"
        case .qrModuleSize(let size):
            "QR module size must be 1…16 dots, got \(size)"
        case .textNotPrintableASCII(let character):
            "text mode takes printable ASCII only (got \(Self.codePoints(character))): rasterise Vietnamese text instead"
        case .imageTooWide(let width, let paperWidthDots):
            "raster image is \(width) dots wide but the paper has \(paperWidthDots): scale or crop it first"
        }
    }

    /// `U+1EA7`, `U+000D U+000A`: what a character is, even when it is invisible.
    private static func codePoints(_ character: Character) -> String {
        character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
