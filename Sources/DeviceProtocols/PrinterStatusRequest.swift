/// The real-time status queries (`DLE EOT n`) the kiosk asks. Each is answered by one byte, even while the
/// printer is offline, which is why asking all three tells offline apart from unplugged.
public enum PrinterStatusRequest: UInt8, Sendable, CaseIterable {
    /// n = 1: online or offline.
    case printer = 1
    /// n = 2: why it is offline (cover open, paper end stop, error).
    case offlineCause = 2
    /// n = 4: roll paper sensors (near end, end).
    case paper = 4

    /// `10 04 n`.
    public var command: [UInt8] { [0x10, 0x04, rawValue] }
}
