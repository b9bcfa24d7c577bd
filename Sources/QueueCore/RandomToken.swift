import Foundation

/// Unguessable identifiers from the system's cryptographic random source, as lowercase hex.
public enum RandomToken {
    /// `count` random bytes as hex: read eight at a time (one `getrandom` each), since a token is made per ticket.
    public static func hex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<(count + 7) / 8).map { _ in generator.next() as UInt64 }
        return words.withUnsafeBytes { Hex.lowercase($0.prefix(count)) }
    }
}

/// Bytes as lowercase hex, without `String(format:)` (which costs microseconds per byte on the issue path).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
