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
