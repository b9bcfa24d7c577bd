/// What one counter's display should show right now. The display layer turns it into text (transliterated)
/// and then bytes; the caller keeps the latest state so a display that comes back is re-driven with it.
public struct CounterDisplayState: Sendable, Equatable {
    /// The counter number, shown as "Quay 3".
    public var counter: Int
    /// The ticket being called or served, e.g. "A012"; nil when the counter has nobody.
    public var label: String?
    /// A paused counter shows "Tam dung" (character displays) or nothing (LED boards), never a number.
    public var paused: Bool
    /// A short text that replaces the second line for a while, e.g. "Cảm ơn quý khách" after a rating.
    /// It wins over "Tam dung" because it answers something the citizen just did; LED boards ignore it.
    public var message: String?

    public init(counter: Int, label: String? = nil, paused: Bool = false, message: String? = nil) {
        self.counter = counter
        self.label = label
        self.paused = paused
        self.message = message
    }
}
