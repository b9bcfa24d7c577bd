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
