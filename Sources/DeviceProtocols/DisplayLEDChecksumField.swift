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
