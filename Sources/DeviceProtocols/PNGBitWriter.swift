/// Packs deflate fields into bytes least significant bit first (RFC 1951 §3.1.1); Huffman codes, which are
/// defined most significant bit first, are reversed before packing.
struct PNGBitWriter {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    mutating func write(_ value: Int, bits: Int) {
        pending |= UInt32(value) << UInt32(pendingCount)
        pendingCount += bits
        while pendingCount >= 8 {
            bytes.append(UInt8(pending & 0xFF))
            pending >>= 8
            pendingCount -= 8
        }
    }

    mutating func writeHuffman(_ code: Int, length: Int) {
        var reversed = 0
        for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
        write(reversed, bits: length)
    }

    /// Pads the last byte with zero bits.
    mutating func flush() {
        if pendingCount > 0 { write(0, bits: 8 - pendingCount) }
    }
}
