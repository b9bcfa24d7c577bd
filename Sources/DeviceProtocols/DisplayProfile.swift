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
