import Hall
import Crypto
import Foundation
import QueueCore

/// Bearer tokens: 256 random bits handed to the client; only their SHA-256 is stored.
enum SessionTokens {
    static let lifetime: TimeInterval = 12 * 3600

    static func make() -> String { RandomToken.hex(bytes: 32) }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
