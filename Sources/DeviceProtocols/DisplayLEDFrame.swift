/// The wire frame of one LED number board, described by data so that a new board is a new JSON file.
///
/// A frame is the concatenation, in this order, of
/// `header · address · command · length · payload · trailer · checksum · end`; any part may be empty.
/// The checksum covers the sections `checksum.from…checksum.through` (inclusive, in that order), e.g.
/// STX/ETX boards XOR `address…payload` (devices.md 4.2) and Modbus RTU runs CRC-16 over `header…trailer`
/// (devices.md 4.1). The payload always has the profile's `columns` cells, so a length byte is constant for
/// a given board but still computed, which keeps the JSON honest when someone changes the cell count.
public struct DisplayLEDFrame: Sendable, Equatable {
    /// A part of the frame, in the order the bytes go out.
    public enum Section: String, Sendable, CaseIterable, Comparable {
        case header, address, command, length, payload, trailer

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The byte order of a multi-byte field (checksum, length).
    public enum ByteOrder: String, Sendable, CaseIterable {
        /// Low byte first (Modbus RTU's CRC).
        case little
        /// High byte first (network order).
        case big
    }

    public var header: [UInt8]
    public var address: DisplayLEDAddress
    public var command: [UInt8]
    /// Payload length in bytes as a 1- or 2-byte field; nil when the frame has no length field.
    public var length: DisplayLEDLength?
    public var payload: DisplayLEDPayload
    public var trailer: [UInt8]
    public var checksum: DisplayLEDChecksumField
    /// Bytes after the checksum (e.g. an ETX that follows it).
    public var end: [UInt8]

    public init(
        header: [UInt8], address: DisplayLEDAddress, command: [UInt8], length: DisplayLEDLength?,
        payload: DisplayLEDPayload, trailer: [UInt8], checksum: DisplayLEDChecksumField, end: [UInt8]
    ) {
        self.header = header
        self.address = address
        self.command = command
        self.length = length
        self.payload = payload
        self.trailer = trailer
        self.checksum = checksum
        self.end = end
    }

    /// The whole frame for `payloadBytes` sent to `address` (already checked against `self.address.range`).
    func bytes(payloadBytes: [UInt8], address value: Int) -> [UInt8] {
        var sections: [(Section, [UInt8])] = [
            (.header, header), (.address, address.bytes(value)), (.command, command),
        ]
        if let length { sections.append((.length, length.bytes(payloadBytes.count))) }
        sections += [(.payload, payloadBytes), (.trailer, trailer)]
        let covered = sections.filter { $0.0 >= checksum.from && $0.0 <= checksum.through }.flatMap(\.1)
        return sections.flatMap(\.1) + checksum.bytes(of: covered) + end
    }
}

/// A length field before the payload: the payload's byte count plus `adjust`, in `width` bytes.
public struct DisplayLEDLength: Sendable, Equatable {
    /// 1 or 2.
    public var width: Int
    /// Added to the payload byte count (some boards count the command or checksum too).
    public var adjust: Int
    public var byteOrder: DisplayLEDFrame.ByteOrder

    public init(width: Int, adjust: Int = 0, byteOrder: DisplayLEDFrame.ByteOrder = .big) {
        self.width = width
        self.adjust = adjust
        self.byteOrder = byteOrder
    }

    func bytes(_ payloadCount: Int) -> [UInt8] {
        let value = payloadCount + adjust
        let big = (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        return byteOrder == .big ? big : big.reversed()
    }
}

/// How a board's bus address is written into its frame (RS-485 is one master, many addressed boards).
public struct DisplayLEDAddress: Sendable, Equatable {
    /// How the address is written: not at all, as binary bytes or as ASCII digits.
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

/// Which check value a frame carries, over which sections, and in which byte order.
public struct DisplayLEDChecksumField: Sendable, Equatable {
    public var kind: DisplayChecksum
    /// First section covered.
    public var from: DisplayLEDFrame.Section
    /// Last section covered (inclusive).
    public var through: DisplayLEDFrame.Section
    /// For the 16-bit kinds; Modbus RTU is `.little`.
    public var byteOrder: DisplayLEDFrame.ByteOrder

    public init(
        kind: DisplayChecksum, from: DisplayLEDFrame.Section = .header, through: DisplayLEDFrame.Section = .trailer,
        byteOrder: DisplayLEDFrame.ByteOrder = .big
    ) {
        self.kind = kind
        self.from = from
        self.through = through
        self.byteOrder = byteOrder
    }

    public static let none = DisplayLEDChecksumField(kind: .none)

    func bytes(of covered: [UInt8]) -> [UInt8] {
        let value = kind.value(of: covered)
        switch kind.width {
        case 0: return []
        case 1: return [UInt8(truncatingIfNeeded: value)]
        default:
            let high = UInt8(value >> 8)
            let low = UInt8(truncatingIfNeeded: value)
            return byteOrder == .big ? [high, low] : [low, high]
        }
    }
}
