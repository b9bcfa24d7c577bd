/// Decompresses a zlib stream (stored, fixed and dynamic deflate blocks) and checks its Adler-32, so the
/// reader also accepts PNGs saved by other tools, not only ours.
enum PNGInflate {
    static func zlibDecompress(_ input: [UInt8]) throws(PNGError) -> [UInt8] {
        guard input.count >= 6 else { throw .truncatedData }
        let cmf = Int(input[0])
        let flg = Int(input[1])
        guard cmf & 0x0F == 8, (cmf << 8 | flg) % 31 == 0 else { throw .corruptData("bad zlib header") }
        guard flg & 0x20 == 0 else { throw .unsupported("zlib preset dictionary") }
        var reader = PNGBitReader(input, position: 2)
        var output: [UInt8] = []
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try copyStored(&reader, into: &output)
            case 1:
                try inflate(
                    &reader, into: &output, literals: PNGHuffman(lengths: PNGDeflateTables.fixedLiteralLengths),
                    distances: PNGHuffman(lengths: PNGDeflateTables.fixedDistanceLengths))
            case 2:
                let (literals, distances) = try readDynamicCodes(&reader)
                try inflate(&reader, into: &output, literals: literals, distances: distances)
            default: throw .corruptData("reserved deflate block type")
            }
        }
        reader.alignToByte()
        var adler: UInt32 = 0
        for _ in 0..<4 { adler = adler << 8 | UInt32(try reader.byte()) }
        guard adler == PNGChecksum.adler32(output) else { throw .badChecksum(chunk: "IDAT (Adler-32)") }
        return output
    }

    private static func copyStored(_ reader: inout PNGBitReader, into output: inout [UInt8]) throws(PNGError) {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw .corruptData("stored block length check") }
        for _ in 0..<length { output.append(try reader.byte()) }
    }

    private static func inflate(
        _ reader: inout PNGBitReader, into output: inout [UInt8], literals: PNGHuffman, distances: PNGHuffman
    ) throws(PNGError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthCode = symbol - 257
            guard lengthCode < PNGDeflateTables.lengthBase.count else { throw .corruptData("bad length code") }
            let length =
                PNGDeflateTables.lengthBase[lengthCode] + (try reader.bits(PNGDeflateTables.lengthExtra[lengthCode]))
            let distanceCode = try distances.decode(&reader)
            guard distanceCode < PNGDeflateTables.distanceBase.count else { throw .corruptData("bad distance code") }
            let distance =
                PNGDeflateTables.distanceBase[distanceCode]
                + (try reader.bits(PNGDeflateTables.distanceExtra[distanceCode]))
            guard distance <= output.count else { throw .corruptData("distance before start of data") }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }

    private static func readDynamicCodes(_ reader: inout PNGBitReader) throws(PNGError) -> (PNGHuffman, PNGHuffman) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[PNGDeflateTables.codeLengthOrder[index]] = try reader.bits(3)
        }
        let codeLengths = try PNGHuffman(lengths: codeLengthLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengths.decode(&reader)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw .corruptData("repeat with no previous length") }
                lengths += Array(repeating: previous, count: 3 + (try reader.bits(2)))
            case 17: lengths += Array(repeating: 0, count: 3 + (try reader.bits(3)))
            default: lengths += Array(repeating: 0, count: 11 + (try reader.bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw .corruptData("code lengths overrun") }
        guard lengths[256] != 0 else { throw .corruptData("no end-of-block code") }
        return (
            try PNGHuffman(lengths: Array(lengths[0..<literalCount])),
            try PNGHuffman(lengths: Array(lengths[literalCount...]))
        )
    }
}
