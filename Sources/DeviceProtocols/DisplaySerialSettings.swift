/// How a display's serial line is set up (termios): the settings come from its profile because boards ship
/// with fixed, vendor-chosen values (almost always 9600 8N1, no flow control, see devices.md 3.3).
public struct DisplaySerialSettings: Sendable, Equatable, Codable {
    public enum Parity: String, Sendable, Codable, CaseIterable {
        case none, even, odd
    }

    /// Bits per second; one of `supportedBauds`.
    public var baud: Int
    /// 7 or 8 (5 and 6 exist in termios but no display uses them).
    public var dataBits: Int
    public var parity: Parity
    /// 1 or 2.
    public var stopBits: Int

    /// The speeds every USB-serial chip in devices.md 3.3 (PL2303, CH340, FT232, CP210x) supports.
    public static let supportedBauds = [2400, 4800, 9600, 19200, 38400, 57600, 115200]
    public static let supportedDataBits = [7, 8]
    public static let supportedStopBits = [1, 2]

    /// 9600 8N1, what customer displays and LED-485 boards ship with.
    public static let standard = DisplaySerialSettings(baud: 9600, dataBits: 8, parity: .none, stopBits: 1)

    public init(baud: Int, dataBits: Int, parity: Parity, stopBits: Int) {
        self.baud = baud
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
    }

    /// The usual shorthand, e.g. "9600 8N1", "19200 7E2".
    public var summary: String {
        let letter =
            switch parity {
            case .none: "N"
            case .even: "E"
            case .odd: "O"
            }
        return "\(baud) \(dataBits)\(letter)\(stopBits)"
    }
}
