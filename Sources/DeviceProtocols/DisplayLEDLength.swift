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
