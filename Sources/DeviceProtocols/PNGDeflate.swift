/// A small zlib/deflate compressor: LZ77 with a hash chain, coded with the fixed Huffman code in one block.
/// Ticket images are mostly white runs and repeated rows, which LZ77 alone shrinks well, so dynamic Huffman
/// codes are not worth their complexity here.
enum PNGDeflate {
    private static let windowSize = 32768
    private static let minMatch = 3
    private static let maxMatch = 258
    private static let maxChain = 48
    private static let hashSize = 1 << 15

    /// A complete zlib stream: header, one final fixed-Huffman block, Adler-32 of the input.
    static func zlibCompress(_ input: [UInt8]) -> [UInt8] {
        var writer = PNGBitWriter()
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE = 01, fixed Huffman
        encodeLZ77(input, into: &writer)
        writeLiteral(256, into: &writer)  // end of block
        writer.flush()
        let adler = PNGChecksum.adler32(input)
        // 0x78 0x01: deflate, 32 KiB window, fastest level; (0x7801 % 31 == 0) as the header check requires.
        return [0x78, 0x01] + writer.bytes + [24, 16, 8, 0].map { UInt8((adler >> UInt32($0)) & 0xFF) }
    }

    private static func encodeLZ77(_ input: [UInt8], into writer: inout PNGBitWriter) {
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        var position = 0
        func hash(_ at: Int) -> Int {
            (Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])) & (hashSize - 1)
        }
        func insert(_ at: Int) {
            guard at + minMatch <= input.count else { return }
            let key = hash(at)
            previous[at % windowSize] = head[key]
            head[key] = at
        }
        while position < input.count {
            var bestLength = 0
            var bestDistance = 0
            if position + minMatch <= input.count {
                var candidate = head[hash(position)]
                var chain = 0
                let limit = min(maxMatch, input.count - position)
                while candidate >= 0, position - candidate <= windowSize, chain < maxChain {
                    var length = 0
                    while length < limit, input[candidate + length] == input[position + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == limit { break }
                    }
                    let next = previous[candidate % windowSize]
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                writeMatch(length: bestLength, distance: bestDistance, into: &writer)
                for at in position..<(position + bestLength) { insert(at) }
                position += bestLength
            } else {
                writeLiteral(Int(input[position]), into: &writer)
                insert(position)
                position += 1
            }
        }
    }

    private static func writeLiteral(_ symbol: Int, into writer: inout PNGBitWriter) {
        switch symbol {
        case 0...143: writer.writeHuffman(0x30 + symbol, length: 8)
        case 144...255: writer.writeHuffman(0x190 + symbol - 144, length: 9)
        case 256...279: writer.writeHuffman(symbol - 256, length: 7)
        default: writer.writeHuffman(0xC0 + symbol - 280, length: 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, into writer: inout PNGBitWriter) {
        let lengthCode = PNGDeflateTables.code(for: length, bases: PNGDeflateTables.lengthBase)
        writeLiteral(257 + lengthCode, into: &writer)
        writer.write(length - PNGDeflateTables.lengthBase[lengthCode], bits: PNGDeflateTables.lengthExtra[lengthCode])
        let distanceCode = PNGDeflateTables.code(for: distance, bases: PNGDeflateTables.distanceBase)
        writer.writeHuffman(distanceCode, length: 5)
        writer.write(
            distance - PNGDeflateTables.distanceBase[distanceCode], bits: PNGDeflateTables.distanceExtra[distanceCode])
    }
}
