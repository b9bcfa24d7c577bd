import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct KeypadDecoderTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    static func keys(_ usages: UInt8...) -> [UInt8] {
        [0x00, 0x00] + usages + [UInt8](repeating: 0, count: 6 - usages.count)
    }

    static let released = [UInt8](repeating: 0, count: 8)

    static let rating = KeypadProfile(
        id: "rating-test", name: "Test", kind: .rating, match: .bootKeyboard, mode: .singleKey,
        keys: [
            0x1E: .rating(.veryPleased), 0x1F: .rating(.pleased), 0x20: .rating(.neutral), 0x21: .rating(.displeased),
            0x59: .rating(.veryPleased),
        ])

    static let sequence = KeypadProfile(
        id: "sequence-test", name: "Test", kind: .rating, match: .bootKeyboard, mode: .sequenceEnter,
        sequences: ["1": .rating(.veryPleased), "4": .rating(.displeased), "12": .rating(.pleased)],
        sequenceTimeoutSeconds: 5)

    static let caller = KeypadProfile(
        id: "caller-test", name: "Test", kind: .caller, match: .bootKeyboard, mode: .singleKey,
        keys: [0x59: .caller(.next), 0x5E: .caller(.transfer(fieldCode: "HT"))], debounceSeconds: 1)

    /// Each step's report fed at its instant; the actions per step.
    static func run(_ profile: KeypadProfile, _ steps: [(Double, [UInt8])]) -> [[KeypadAction]] {
        var decoder = KeypadDecoder(profile: profile)
        return steps.map { decoder.feed(report: $0.1, at: at($0.0)) }
    }

    /// Press and release of each key, at the given instants.
    static func presses(_ profile: KeypadProfile, _ taps: [(Double, UInt8)]) -> [KeypadAction] {
        var decoder = KeypadDecoder(profile: profile)
        return taps.flatMap { time, usage in
            decoder.feed(report: keys(usage), at: at(time)) + decoder.feed(report: released, at: at(time + 0.1))
        }
    }

    @Test func singleKeyActsOnPressNotRelease() {
        let actions = Self.run(Self.rating, [(0, Self.keys(0x20)), (0.1, Self.released)])
        #expect(actions == [[.rating(.neutral)], []])
    }

    @Test func keypadAndDigitRowMapAlike() {
        #expect(Self.presses(Self.rating, [(0, 0x59)]) == [.rating(.veryPleased)])
        #expect(Self.presses(Self.rating, [(0, 0x1E)]) == [.rating(.veryPleased)])
    }

    @Test func heldKeyCountsOnce() {
        let held = Self.keys(0x21)
        let actions = Self.run(Self.rating, [(0, held), (0.5, held), (3, held), (6, held), (6.1, Self.released)])
        #expect(actions == [[.rating(.displeased)], [], [], [], []])
    }

    @Test func repeatWithinDebounceCountsOnce() {
        // Bounce at 0.05 s and a second press at 1.9 s fall in the 2 s window; 2.5 s is after it.
        let actions = Self.presses(Self.rating, [(0, 0x1F), (0.05, 0x1F), (1.9, 0x1F), (2.5, 0x1F)])
        #expect(actions == [.rating(.pleased), .rating(.pleased)])
    }

    @Test func debounceWindowEdgeIsExclusive() {
        #expect(Self.presses(Self.rating, [(0, 0x1F), (2.0, 0x1F)]) == [.rating(.pleased), .rating(.pleased)])
        #expect(Self.presses(Self.rating, [(0, 0x1F), (1.999, 0x1F)]) == [.rating(.pleased)])
    }

    @Test func sameLevelFromBothKeysIsDebouncedToo() {
        // Digit-row 1 and keypad 1 are the same action.
        #expect(Self.presses(Self.rating, [(0, 0x1E), (0.5, 0x59)]) == [.rating(.veryPleased)])
    }

    @Test func differentActionsAreNotDebounced() {
        let actions = Self.presses(Self.rating, [(0, 0x1E), (0.3, 0x21)])
        #expect(actions == [.rating(.veryPleased), .rating(.displeased)])
    }

    @Test func clockSetBackIsNotARepeat() {
        #expect(Self.presses(Self.rating, [(10, 0x1F), (5, 0x1F)]) == [.rating(.pleased), .rating(.pleased)])
    }

    @Test func unknownKeysAreIgnored() {
        // NumLock, letter A, keypad 5 (unmapped), Enter: nothing.
        #expect(Self.presses(Self.rating, [(0, 0x53), (1, 0x04), (2, 0x5D), (3, 0x28)]).isEmpty)
    }

    @Test func twoMappedKeysInOneReport() {
        let actions = Self.run(Self.rating, [(0, Self.keys(0x1E, 0x20))])
        #expect(actions == [[.rating(.veryPleased), .rating(.neutral)]])
    }

    @Test func rolloverPhantomDoesNotRepeat() {
        let actions = Self.run(
            Self.rating,
            [(0, Self.keys(0x1F)), (0.1, [0, 0, 1, 1, 1, 1, 1, 1]), (3, Self.keys(0x1F)), (3.1, Self.released)])
        #expect(actions == [[.rating(.pleased)], [], [], []])
    }

    @Test func malformedReportsAreCountedAndIgnored() {
        var decoder = KeypadDecoder(profile: Self.rating)
        #expect(decoder.feed(report: [0x00, 0x00, 0x1E], at: Self.at(0)).isEmpty)
        #expect(decoder.malformedReports == 1)
        #expect(decoder.feed(report: Self.keys(0x1E), at: Self.at(0.1)) == [.rating(.veryPleased)])
    }

    @Test func sequenceThenEnter() {
        #expect(Self.presses(Self.sequence, [(0, 0x21), (0.2, 0x28)]) == [.rating(.displeased)])
        // Keypad digits and keypad Enter.
        #expect(Self.presses(Self.sequence, [(0, 0x59), (0.2, 0x5A), (0.4, 0x58)]) == [.rating(.pleased)])
        // Top-row 1 then keypad 2 is still "12".
        #expect(Self.presses(Self.sequence, [(0, 0x1E), (0.2, 0x5A), (0.4, 0x28)]) == [.rating(.pleased)])
    }

    @Test func sequenceDigitsAloneDoNothing() {
        #expect(Self.presses(Self.sequence, [(0, 0x1E), (0.2, 0x21)]).isEmpty)
    }

    @Test func sequenceIgnoresNumLockInTheMiddle() {
        #expect(
            Self.presses(Self.sequence, [(0, 0x53), (0.1, 0x59), (0.2, 0x53), (0.3, 0x58)]) == [.rating(.veryPleased)])
    }

    @Test func unknownSequenceIsDroppedAndTheNextOneWorks() {
        let actions = Self.presses(Self.sequence, [(0, 0x20), (0.2, 0x28), (0.4, 0x21), (0.6, 0x28)])
        #expect(actions == [.rating(.displeased)])
    }

    @Test func enterAloneDoesNothing() {
        #expect(Self.presses(Self.sequence, [(0, 0x28), (1, 0x58)]).isEmpty)
    }

    @Test func sequenceTimesOut() {
        // "1", 5.5 s of silence, then "4⏎": the stale 1 is gone, so this is "4", not "14".
        #expect(Self.presses(Self.sequence, [(0, 0x1E), (5.5, 0x21), (5.7, 0x28)]) == [.rating(.displeased)])
        // "1", then Enter after the timeout: nothing.
        #expect(Self.presses(Self.sequence, [(0, 0x1E), (5.2, 0x28)]).isEmpty)
        // Within the timeout (measured from the last digit) it still counts.
        #expect(Self.presses(Self.sequence, [(0, 0x1E), (4.9, 0x5A), (9.8, 0x28)]) == [.rating(.pleased)])
    }

    @Test func sequenceKeepsOnlyTheLastEightDigits() {
        var taps: [(Double, UInt8)] = (0..<9).map { (Double($0) * 0.1, 0x27) }  // nine zeros
        taps += [(1.0, 0x1E), (1.1, 0x28)]
        // The buffer is "00000001" after trimming, which is not "1".
        #expect(Self.presses(Self.sequence, taps).isEmpty)
    }

    @Test func sequenceRepeatIsDebounced() {
        let taps: [(Double, UInt8)] = [(0, 0x1E), (0.1, 0x28), (0.5, 0x1E), (0.6, 0x28), (3, 0x1E), (3.1, 0x28)]
        #expect(Self.presses(Self.sequence, taps) == [.rating(.veryPleased), .rating(.veryPleased)])
    }

    @Test func callerCommandsWithItsOwnDebounce() {
        let actions = Self.presses(Self.caller, [(0, 0x59), (0.5, 0x59), (1.2, 0x59), (1.3, 0x5E)])
        #expect(actions == [.caller(.next), .caller(.next), .caller(.transfer(fieldCode: "HT"))])
    }

    @Test func resetForgetsEverything() {
        var decoder = KeypadDecoder(profile: Self.rating)
        #expect(decoder.feed(report: Self.keys(0x1E), at: Self.at(0)) == [.rating(.veryPleased)])
        decoder.reset()
        // Still held after a reconnect, but the debounce history is gone too: counts again.
        #expect(decoder.feed(report: Self.keys(0x1E), at: Self.at(0.5)) == [.rating(.veryPleased)])
    }

    @Test func feedKeyDownDirectly() {
        var decoder = KeypadDecoder(profile: Self.caller)
        #expect(decoder.feed(keyDown: 0x59, at: Self.at(0)) == .caller(.next))
        #expect(decoder.feed(keyDown: 0x59, at: Self.at(0.2)) == nil)
        #expect(decoder.feed(keyDown: 0x04, at: Self.at(5)) == nil)
    }

    @Test func ratingNamesAndActionText() {
        #expect(
            KeypadRatingLevel.allCases.map(\.vietnameseName) == [
                "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng",
            ])
        #expect(KeypadRatingLevel.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(KeypadAction.rating(.neutral).description == "rating:3")
        #expect(KeypadAction.caller(.noShow).description == "caller:no-show")
        #expect(KeypadAction.caller(.transfer(fieldCode: "HT")).description == "caller:transfer:HT")
    }
}
