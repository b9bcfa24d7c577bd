/// A USB GSM modem as `devices/modems/*.json` describes it: how to talk to its serial port and which character
/// set its text messages use. SIM800/SIM7600 boards behind a CH340/CP210x bridge and Huawei sticks in modem mode
/// all speak the same AT text-mode dialogue (3GPP TS 27.005); they differ in speed and in what they accept.
public struct ModemProfile: Sendable, Equatable {
    /// How message text goes on the wire (`AT+CSCS`).
    public enum Charset: String, Sendable, CaseIterable {
        /// The GSM 7-bit alphabet: Vietnamese loses its diacritics ("Sap den luot"), 160 characters per message.
        case gsm
        /// UTF-16BE as hex digits: Vietnamese with diacritics, 70 characters per message.
        case ucs2
    }

    public var id: String
    public var name: String
    public var baud: Int
    public var charset: Charset
    /// How long one command may take to answer `OK` (seconds).
    public var commandTimeout: Double
    /// How long the network may take to accept a message after Ctrl-Z (seconds).
    public var sendTimeout: Double
    /// Ask `AT+CPIN?` and `AT+CREG?` before sending, so a missing SIM or no network is said in words.
    public var checkNetwork: Bool

    public init(
        id: String, name: String, baud: Int = 115_200, charset: Charset = .gsm, commandTimeout: Double = 3, sendTimeout: Double = 30,
        checkNetwork: Bool = true
    ) {
        self.id = id
        self.name = name
        self.baud = baud
        self.charset = charset
        self.commandTimeout = commandTimeout
        self.sendTimeout = sendTimeout
        self.checkNetwork = checkNetwork
    }

    /// 115200 8N1, what the modems above ship with.
    public var serialSettings: DisplaySerialSettings {
        DisplaySerialSettings(baud: baud, dataBits: 8, parity: .none, stopBits: 1)
    }
}
