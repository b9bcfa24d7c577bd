/// Reads deflate fields least significant bit first; runs out with `PNGError.truncatedData`.
struct PNGBitReader {
    let bytes: [UInt8]
    private(set) var position = 0
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0

    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func bits(_ count: Int) throws(PNGError) -> Int {
        while bitCount < count {
            guard position < bytes.count else { throw .truncatedData }
            bitBuffer |= UInt32(bytes[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    /// Drops the rest of the current byte (stored blocks start on a byte boundary).
    mutating func alignToByte() {
        bitBuffer = 0
        bitCount = 0
    }

    mutating func byte() throws(PNGError) -> UInt8 {
        UInt8(try bits(8))
    }
}
