/// One counter-display model, loaded from `devices/displays/*.json`: adding a display model is adding a file.
///
/// JSON keys: `id`, `name`, `kind` (`DisplayCommandSet`), `serial` {`baud`, `dataBits`, `parity`, `stopBits`},
/// optional `notes`; character displays (`epson-dm-d`, `cd5220`) add `columns`, `rows` and optional
/// `brightness` (1…4, default 4); LED boards (`led-frame`) add `cells` and `frame` (see `DisplayLEDFrame`;
/// what the cells show is `DisplayLEDPayload`'s comment).
///
/// What each kind shows for counter 3 calling A012: a 2×20 display "Quay 3          A012" / "Moi so A012"
/// (paused: "Quay 3" / "Tam dung"; Vietnamese transliterated to ASCII, see `DisplayTransliteration`); an LED
/// board with letter cells (`ascii`, `seven-segment`) "A012"; a digits-only board (`digits`, `bcd`) the
/// number zero-padded to its cells, "0012" on 4 cells, "012" on 3; LED boards go blank when paused.
public struct DisplayProfile: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: DisplayCommandSet
    /// Characters per row, or for an LED board its number of cells (JSON `cells`).
    public var columns: Int
    /// Rows of text; 1 for an LED board.
    public var rows: Int
    /// Brightness sent with every screen, 1…4; unused by LED boards.
    public var brightness: Int
    /// Serial line defaults (termios); almost always 9600 8N1.
    public var serial: DisplaySerialSettings
    /// The frame description, for `.ledFrame` only.
    public var frame: DisplayLEDFrame?
    public var notes: String?

    public init(
        id: String, name: String, kind: DisplayCommandSet, columns: Int, rows: Int, brightness: Int = 4,
        serial: DisplaySerialSettings = .standard, frame: DisplayLEDFrame? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.brightness = brightness
        self.serial = serial
        self.frame = frame
        self.notes = notes
    }
}

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

/// How a display's serial line is set up (termios): the settings come from its profile because boards ship
/// with fixed, vendor-chosen values (almost always 9600 8N1, no flow control, see devices.md 3.3).
public struct DisplaySerialSettings: Sendable, Equatable, Codable {
    /// The parity bit of each byte.
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
