import Foundation
import NIOConcurrencyHelpers
import QueueCore

/// Short-lived keys to a kiosk's settings screen, handed out for the right PIN. A key opens only the
/// settings of the kiosk (client address) that unlocked it, for ten minutes, and lives in memory only:
/// a restart locks every kiosk again, which is the safe side.
final class KioskUnlocks: Sendable {
    static let lifetime: TimeInterval = 10 * 60
    private let keys = NIOLockedValueBox<[String: (address: String, expires: Date)]>([:])

    func issue(for address: String, now: Date) -> String {
        let token = RandomToken.hex(bytes: 24)
        keys.withLockedValue { keys in
            keys = keys.filter { $0.value.expires > now }
            keys[token] = (address, now.addingTimeInterval(Self.lifetime))
        }
        return token
    }

    /// Whether `token` still opens the settings of the kiosk at `address`.
    func opens(_ token: String, for address: String, now: Date) -> Bool {
        keys.withLockedValue { keys in
            guard let key = keys[token], key.expires > now else { return false }
            return key.address == address
        }
    }
}
