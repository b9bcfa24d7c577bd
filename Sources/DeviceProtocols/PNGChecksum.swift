/// The two checksums a PNG needs, computed here so the writer has no library dependency:
/// CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected) over every chunk, Adler-32 over the zlib payload.
enum PNGChecksum {
    static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var start = 0
        // 5552 is the most bytes that can be summed before b could overflow 32 bits (zlib's NMAX).
        while start < bytes.count {
            let end = min(start + 5552, bytes.count)
            for index in start..<end {
                a += UInt32(bytes[index])
                b += a
            }
            a %= 65521
            b %= 65521
            start = end
        }
        return b << 16 | a
    }
}
