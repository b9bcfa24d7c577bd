/// Turns the stream of "keys held now" reports into key-down events, the way Linux `usbkbd` does: a key is
/// pressed when it is in this report and was not in the previous one.
///
/// So a key held across many reports, a second key joining it, or a rollover phantom never repeats a press.
/// Key-ups are not reported: keypads act on the press.
public struct HIDKeyTracker: Sendable {
    /// Keys held as of the last real (non-phantom) report.
    public private(set) var held: [UInt8] = []

    public init() {}

    /// The keys that went down with `report`, in slot order. A phantom report changes nothing, so the keys
    /// still held after the rollover clears are not pressed a second time.
    public mutating func keyDowns(_ report: HIDBootReport) -> [UInt8] {
        guard !report.isPhantom else { return [] }
        let pressed = report.keys.filter { !held.contains($0) }
        held = report.keys
        return pressed
    }

    /// Forgets what was held (after a reconnect the first report starts from "nothing held").
    public mutating func reset() {
        held = []
    }
}
