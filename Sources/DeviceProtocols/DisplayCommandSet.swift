/// Which language a counter display speaks; the profile's `kind`.
public enum DisplayCommandSet: String, Sendable, Equatable, CaseIterable {
    /// Epson ESC/POS customer-display commands (DM-D series and the many clones), devices.md 3.1.
    case epsonDMD = "epson-dm-d"
    /// CD5220 pole-display commands, devices.md 3.2.
    case cd5220
    /// An LED number board whose frame is described by the profile's `frame` (devices.md 4).
    case ledFrame = "led-frame"

    /// True for the 2×20-style text displays, which show `columns × rows` characters.
    public var isCharacterDisplay: Bool { self != .ledFrame }
}
