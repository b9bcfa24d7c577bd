/// The printer's physical state, as its `DLE EOT n` replies report it — so tests of the status path can make
/// the virtual printer run out of paper or open its cover. Bytes follow Epson's layout (base 0x12).
/// `--devices simulated` reads them from `DATA/printed/sensors.json` before each job when that file exists, so a
/// centre can rehearse a paper-out at the kiosk: `{"paperOut": true}`; members left out keep their defaults.
public struct VirtualPrinterSensors: Sendable, Equatable, Codable {
    /// false: the firmware never answers status requests (some cheap printers), so replies are empty.
    public var answersStatus: Bool
    public var coverOpen: Bool
    public var paperNearEnd: Bool
    public var paperOut: Bool
    /// Offline for another reason than cover or paper (e.g. an error).
    public var offline: Bool
    /// false: the printer looks online and accepts the connection but never takes the bytes (a jammed
    /// mechanism, a full buffer); a write then times out as a USB bulk write does.
    public var takesBytes: Bool

    public init(
        answersStatus: Bool = true, coverOpen: Bool = false, paperNearEnd: Bool = false, paperOut: Bool = false,
        offline: Bool = false, takesBytes: Bool = true
    ) {
        self.answersStatus = answersStatus
        self.coverOpen = coverOpen
        self.paperNearEnd = paperNearEnd
        self.paperOut = paperOut
        self.offline = offline
        self.takesBytes = takesBytes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            answersStatus: try values.decodeIfPresent(Bool.self, forKey: .answersStatus) ?? true,
            coverOpen: try values.decodeIfPresent(Bool.self, forKey: .coverOpen) ?? false,
            paperNearEnd: try values.decodeIfPresent(Bool.self, forKey: .paperNearEnd) ?? false,
            paperOut: try values.decodeIfPresent(Bool.self, forKey: .paperOut) ?? false,
            offline: try values.decodeIfPresent(Bool.self, forKey: .offline) ?? false,
            takesBytes: try values.decodeIfPresent(Bool.self, forKey: .takesBytes) ?? true)
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
