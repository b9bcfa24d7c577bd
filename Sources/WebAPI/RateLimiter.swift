import Foundation
import HTTPTypes
import Hall
import NIOConcurrencyHelpers

/// A token bucket per client address: `perMinute` tickets, refilled evenly. 0 turns limiting off.
/// Keeps a stuck kiosk or a script from exhausting a day's numbers.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Date
    }

    let perMinute: Int
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes one token for `key`; returns seconds to wait when none is left.
    func take(_ key: String, now: Date) -> Int? {
        guard perMinute > 0 else { return nil }
        let capacity = Double(perMinute)
        return buckets.withLockedValue { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < 120 } }
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + now.timeIntervalSince(bucket.updated) * capacity / 60)
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) * 60 / capacity).rounded(.up)) }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Takes one token for `key`, or throws `429 rate_limited` with `Retry-After` and the route's own words for the
    /// wait (`words(seconds)` gives the Vietnamese and English messages).
    func enforce(_ key: String, now: Date, words: (Int) -> (String, String)) throws(APIError) {
        guard let wait = take(key, now: now) else { return }
        let (message, messageEn) = words(wait)
        var error = APIError(.tooManyRequests, .rateLimited, message, messageEn)
        error.retryAfterSeconds = wait
        throw error
    }
}
