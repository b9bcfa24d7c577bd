/// How a board's bus address is written into its frame (RS-485 is one master, many addressed boards).
public struct DisplayLEDAddress: Sendable, Equatable {
    public enum Encoding: String, Sendable, CaseIterable {
        /// No address in the frame (a point-to-point board); the address argument is ignored.
        case none
        /// Binary, `width` bytes, big-endian (Modbus unit id: 1 byte).
        case byte
        /// ASCII decimal digits, zero-padded to `width` ("07").
        case asciiDecimal = "ascii-decimal"
        /// ASCII uppercase hex digits, zero-padded to `width` ("0A").
        case asciiHex = "ascii-hex"
    }

    public var encoding: Encoding
    public var width: Int
    /// Addresses the board accepts (e.g. Modbus unit ids 1…247); defaults to everything `width` can hold.
    public var range: ClosedRange<Int>

    public init(encoding: Encoding, width: Int, range: ClosedRange<Int>? = nil) {
        self.encoding = encoding
        self.width = width
        self.range = range ?? Self.capacity(encoding, width: width)
    }

    /// Every address `width` bytes or digits can hold (0…0 for `.none`).
    public static func capacity(_ encoding: Encoding, width: Int) -> ClosedRange<Int> {
        let clamped = max(0, min(width, 4))
        return switch encoding {
        case .none: 0...0
        case .byte: 0...(1 << (8 * clamped)) - 1
        case .asciiDecimal: 0...Int(pow10(clamped)) - 1
        case .asciiHex: 0...(1 << (4 * clamped)) - 1
        }
    }

    func bytes(_ value: Int) -> [UInt8] {
        switch encoding {
        case .none:
            return []
        case .byte:
            return (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        case .asciiDecimal, .asciiHex:
            let digits = String(value, radix: encoding == .asciiHex ? 16 : 10, uppercase: true)
            return Array((String(repeating: "0", count: max(0, width - digits.count)) + digits).utf8)
        }
    }

    private static func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }
}
