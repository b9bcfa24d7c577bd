public import Foundation

/// Turns one keypad's raw boot reports into actions, following its profile.
///
/// Feed every report the reader delivers, with the instant it arrived; instants are passed in (never read
/// from a clock here) so debounce and timeouts are testable without sleeping. One decoder per physical
/// keypad; `reset()` it when the keypad reconnects.
public struct KeypadDecoder: Sendable {
    /// Digits kept for a sequence; anything older is dropped (a child leaning on the keypad).
    public static let maxSequenceLength = 8

    public let profile: KeypadProfile
    private var tracker = HIDKeyTracker()
    private var typed = ""
    private var lastTyped: Date?
    private var accepted: [KeypadAction: Date] = [:]
    /// Reports that could not be parsed (shorter than 8 bytes); for the device status page.
    public private(set) var malformedReports = 0

    public init(profile: KeypadProfile) {
        self.profile = profile
    }

    /// The actions this report completes: usually none (key-ups, held keys, unmapped keys, a rollover
    /// phantom, a debounced repeat), sometimes one, more only when several mapped keys went down together.
    public mutating func feed(report: [UInt8], at instant: Date) -> [KeypadAction] {
        guard let parsed = HIDBootReport(report) else {
            malformedReports += 1
            return []
        }
        return tracker.keyDowns(parsed).compactMap { feed(keyDown: $0, at: instant) }
    }

    /// One key-down (a usage ID), for callers that track keys themselves (e.g. evdev).
    public mutating func feed(keyDown usage: UInt8, at instant: Date) -> KeypadAction? {
        let action: KeypadAction?
        switch profile.mode {
        case .singleKey: action = profile.keys[usage]
        case .sequenceEnter: action = sequenceStep(usage, at: instant)
        }
        guard let action else { return nil }
        return debounced(action, at: instant)
    }

    /// Forgets held keys, typed digits and the debounce history.
    public mutating func reset() {
        tracker.reset()
        typed = ""
        lastTyped = nil
        accepted = [:]
    }

    /// Digits accumulate; Enter looks the text up. Other keys (NumLock, operators) are ignored without
    /// clearing what was typed, because keypads send their own NumLock toggles mid-sequence.
    private mutating func sequenceStep(_ usage: UInt8, at instant: Date) -> KeypadAction? {
        if let lastTyped, instant.timeIntervalSince(lastTyped) > profile.sequenceTimeoutSeconds {
            typed = ""
            self.lastTyped = nil
        }
        if let digit = HIDUsage.digit(usage) {
            typed.append(digit)
            if typed.count > Self.maxSequenceLength { typed.removeFirst(typed.count - Self.maxSequenceLength) }
            lastTyped = instant
            return nil
        }
        guard HIDUsage.isEnter(usage) else { return nil }
        defer {
            typed = ""
            lastTyped = nil
        }
        return profile.sequences[typed]
    }

    /// The same action again within `debounceSeconds` of the last time it was accepted counts once.
    /// An instant earlier than the last acceptance (the wall clock was set back) is not a repeat.
    private mutating func debounced(_ action: KeypadAction, at instant: Date) -> KeypadAction? {
        if let last = accepted[action] {
            let elapsed = instant.timeIntervalSince(last)
            if elapsed >= 0 && elapsed < profile.debounceSeconds { return nil }
        }
        accepted[action] = instant
        return action
    }
}
