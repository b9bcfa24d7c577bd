import CQRencode
import Foundation

/// A QR code symbol (error correction level M, so a ticket scuffed in a pocket still scans), kept as its
/// module matrix and drawn as raster with whole-dot modules: thermal heads cannot print fractional dots, and
/// uneven modules are what makes cheap QR prints unreadable.
public struct QRCode: Sendable, Equatable {
    /// White modules required around the symbol by the QR specification.
    public static let quietZone = 4

    /// QR version 1...40.
    public let version: Int
    /// Modules per side (17 + 4 × version).
    public let size: Int
    /// Row-major, `true` = dark.
    public let modules: [Bool]

    /// Encodes `text` (UTF-8, byte mode hint) at level M with libqrencode.
    public init(encoding text: String) throws(QRCodeError) {
        guard !text.isEmpty else { throw .empty }
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw errno == ERANGE ? .tooLong(bytes: text.utf8.count) : .encodingFailed(errno: errno)
        }
        defer { QRcode_free(symbol) }
        let size = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: size * size)
        // libqrencode marks a dark module by bit 0; the other bits describe the module's role.
        self.init(version: Int(symbol.pointee.version), size: size, modules: data.map { $0 & 1 == 1 })
    }

    /// A symbol from its matrix, e.g. to test drawing.
    public init(version: Int, size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "QR matrix size")
        self.version = version
        self.size = size
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (the quiet zone) it is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Side in dots of the drawn symbol including its quiet zone.
    public func side(scale: Int) -> Int { (size + 2 * Self.quietZone) * scale }

    /// The largest whole-dot module size at which the symbol and its quiet zone fit in `width` dots;
    /// `nil` when not even one dot per module fits.
    public func largestScale(fittingWidth width: Int, maximum: Int = .max) -> Int? {
        let scale = min(maximum, width / (size + 2 * Self.quietZone))
        return scale >= 1 ? scale : nil
    }

    /// Draws the symbol with its top-left quiet-zone corner at (`x`, `y`); quiet-zone dots are set white.
    public func draw(into bitmap: inout Bitmap, x: Int, y: Int, scale: Int) {
        precondition(scale >= 1, "QR module scale")
        let cells = size + 2 * Self.quietZone
        for row in 0..<cells {
            for column in 0..<cells {
                let dark = self[column - Self.quietZone, row - Self.quietZone]
                for dy in 0..<scale {
                    for dx in 0..<scale { bitmap[x + column * scale + dx, y + row * scale + dy] = dark }
                }
            }
        }
    }

    /// The symbol alone, quiet zone included, as its own bitmap.
    public func bitmap(scale: Int) -> Bitmap {
        var image = Bitmap(width: side(scale: scale), height: side(scale: scale))
        draw(into: &image, x: 0, y: 0, scale: scale)
        return image
    }
}

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
