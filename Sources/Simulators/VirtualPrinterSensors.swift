/// The printer's physical state, as its `DLE EOT n` replies report it — so tests of the status path can make
/// the virtual printer run out of paper or open its cover. Bytes follow Epson's layout (base 0x12).
public struct VirtualPrinterSensors: Sendable, Equatable {
    /// false: the firmware never answers status requests (some cheap printers), so replies are empty.
    public var answersStatus: Bool
    public var coverOpen: Bool
    public var paperNearEnd: Bool
    public var paperOut: Bool
    /// Offline for another reason than cover or paper (e.g. an error).
    public var offline: Bool

    public init(
        answersStatus: Bool = true, coverOpen: Bool = false, paperNearEnd: Bool = false, paperOut: Bool = false,
        offline: Bool = false
    ) {
        self.answersStatus = answersStatus
        self.coverOpen = coverOpen
        self.paperNearEnd = paperNearEnd
        self.paperOut = paperOut
        self.offline = offline
    }

    /// The one-byte reply to `DLE EOT n` (n = 1…4), or nil when the firmware does not answer.
    public func reply(to n: UInt8) -> UInt8? {
        guard answersStatus else { return nil }
        let base: UInt8 = 0x12
        switch n {
        case 1: return base | (offline || coverOpen || paperOut ? 0x08 : 0)
        case 2: return base | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (offline ? 0x40 : 0)
        case 4: return base | (paperNearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0)
        default: return base
        }
    }
}
