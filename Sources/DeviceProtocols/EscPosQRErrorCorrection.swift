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
