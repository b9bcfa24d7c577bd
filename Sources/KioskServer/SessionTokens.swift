import Crypto
import Foundation

/// Bearer tokens: 256 random bits handed to the client; only their SHA-256 is stored.
enum SessionTokens {
    static let lifetime: TimeInterval = 12 * 3600

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
