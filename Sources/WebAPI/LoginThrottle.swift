public import Foundation
import NIOConcurrencyHelpers

/// Failed sign-ins over a sliding window (15 min): after 5 for one (username, client address) pair, or 30
/// from one address, further attempts are refused without checking any password until the oldest failure
/// leaves the window. Keyed by the pair, so a hostile device locks out only itself, never an officer signing
/// in at their own desk. An attempt counts as a failure from the moment it starts until it succeeds, so
/// concurrent attempts cannot slip past the limit.
public final class LoginThrottle: Sendable {
    /// How many failures lock what, for how long.
    public struct Limits: Sendable {
        var perPair: Int
        var perAddress: Int
        var window: TimeInterval

        public init(perPair: Int = 5, perAddress: Int = 30, window: TimeInterval = 15 * 60) {
            (self.perPair, self.perAddress, self.window) = (perPair, perAddress, window)
        }
    }

    /// What was locked: the pair or the whole address.
    public enum Scope: String, Sendable {
        case pair
        case address
    }

    /// One attempt let through, to report back as failed or succeeded.
    public struct Attempt: Sendable {
        let pair: String
        let address: String
        let at: Date
    }

    struct State {
        var failures: [String: [Date]] = [:]
        var reported: [String: Date] = [:]
    }

    let limits: Limits
    private let state = NIOLockedValueBox(State())

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Lets an attempt through, or returns the scope locked and the seconds until it opens again.
    public func begin(username: String, address: String, now: Date) -> Result<Attempt, Refusal> {
        let attempt = Attempt(pair: "\(username.lowercased())\u{1F}\(address)", address: address, at: now)
        return state.withLockedValue { state in
            prune(&state, now: now)
            for (key, limit, scope) in [(attempt.address, limits.perAddress, Scope.address), (attempt.pair, limits.perPair, .pair)] {
                let recent = state.failures[key, default: []].filter { now.timeIntervalSince($0) < limits.window }
                state.failures[key] = recent
                if recent.count >= limit, let oldest = recent.min() {
                    let wait = Int((oldest.addingTimeInterval(limits.window).timeIntervalSince(now)).rounded(.up))
                    return .failure(Refusal(scope: scope, retryAfterSeconds: max(1, wait)))
                }
            }
            state.failures[attempt.address, default: []].append(now)
            state.failures[attempt.pair, default: []].append(now)
            return .success(attempt)
        }
    }

    /// The password was wrong: the attempt stays counted. Returns the scopes this failure has just locked
    /// (each reported once per lockout), for the audit log.
    public func failed(_ attempt: Attempt) -> [Scope] {
        state.withLockedValue { state in
            var locked: [Scope] = []
            for (key, limit, scope) in [(attempt.pair, limits.perPair, Scope.pair), (attempt.address, limits.perAddress, .address)] {
                let recent = state.failures[key, default: []].filter { attempt.at.timeIntervalSince($0) < limits.window }
                guard recent.count >= limit else { continue }
                if let last = state.reported[key], attempt.at.timeIntervalSince(last) < limits.window { continue }
                state.reported[key] = attempt.at
                locked.append(scope)
            }
            return locked
        }
    }

    /// The password was right: the attempt is taken back and the pair starts afresh.
    public func succeeded(_ attempt: Attempt) {
        state.withLockedValue { state in
            if let index = state.failures[attempt.address]?.firstIndex(of: attempt.at) {
                state.failures[attempt.address]?.remove(at: index)
            }
            state.failures[attempt.pair] = nil
            state.reported[attempt.pair] = nil
        }
    }

    /// Drops keys with nothing left in the window once there are many, so memory stays bounded.
    private func prune(_ state: inout State, now: Date) {
        guard state.failures.count > 10_000 else { return }
        state.failures = state.failures.filter { $0.value.contains { now.timeIntervalSince($0) < limits.window } }
        state.reported = state.reported.filter { now.timeIntervalSince($0.value) < limits.window }
    }

    /// Why an attempt was not let through.
    public struct Refusal: Error, Sendable {
        public let scope: Scope
        public let retryAfterSeconds: Int
    }
}
