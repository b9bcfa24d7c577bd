/// Why a QR code could not be made.
public enum QRCodeError: Error, Equatable, CustomStringConvertible {
    case empty
    /// More than a version-40 symbol holds at level M (2331 bytes).
    case tooLong(bytes: Int)
    case encodingFailed(errno: Int32)

    public var description: String {
        switch self {
        case .empty: "Nothing to encode in the QR code: configure the public status URL (--public-url)."
        case .tooLong(let bytes): "The QR text is too long (\(bytes) bytes): use a shorter status URL."
        case .encodingFailed(let code): "libqrencode failed (errno \(code)); check that libqrencode4 is installed."
        }
    }
}
