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
