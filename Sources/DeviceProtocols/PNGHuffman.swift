/// A canonical Huffman code for decoding, in the compact form of zlib's `puff.c`: how many codes of each
/// length, and the symbols ordered by (length, value). Decoding walks one bit at a time, which is slow in
/// principle but plenty for test images.
struct PNGHuffman {
    private var counts = [Int](repeating: 0, count: 16)
    private var symbols: [Int]

    init(lengths: [Int]) throws(PNGError) {
        for length in lengths { counts[length] += 1 }
        var left = 1
        for length in 1...15 {
            left = left * 2 - counts[length]
            guard left >= 0 else { throw .corruptData("over-subscribed Huffman code") }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
        counts[0] = 0
    }

    func decode(_ reader: inout PNGBitReader) throws(PNGError) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .corruptData("invalid Huffman code")
    }
}
