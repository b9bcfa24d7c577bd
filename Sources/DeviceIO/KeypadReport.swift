public import Foundation

/// One input report as read from a keypad's interrupt endpoint, stamped when the transfer completed, which
/// is the instant the decoder's debounce and sequence timeout reason about.
public struct KeypadReport: Hashable, Sendable {
    public let bytes: [UInt8]
    public let receivedAt: Date

    public init(bytes: [UInt8], receivedAt: Date) {
        self.bytes = bytes
        self.receivedAt = receivedAt
    }
}
