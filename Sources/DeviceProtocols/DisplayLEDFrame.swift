/// The wire frame of one LED number board, described by data so that a new board is a new JSON file.
///
/// A frame is the concatenation, in this order, of
/// `header · address · command · length · payload · trailer · checksum · end`; any part may be empty.
/// The checksum covers the sections `checksum.from…checksum.through` (inclusive, in that order), e.g.
/// STX/ETX boards XOR `address…payload` (devices.md 4.2) and Modbus RTU runs CRC-16 over `header…trailer`
/// (devices.md 4.1). The payload always has the profile's `columns` cells, so a length byte is constant for
/// a given board but still computed, which keeps the JSON honest when someone changes the cell count.
public struct DisplayLEDFrame: Sendable, Equatable {
    public enum Section: String, Sendable, CaseIterable, Comparable {
        case header, address, command, length, payload, trailer

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

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
