import Foundation

/// Unguessable identifiers from the system's cryptographic random source, as lowercase hex.
public enum RandomToken {
    public static func hex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
