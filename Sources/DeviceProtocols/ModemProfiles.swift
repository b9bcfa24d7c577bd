public import Foundation

/// Loads and checks the modem profiles in `devices/modems/*.json`:
///
///     { "id": "sim800-gsm", "name": "…", "baud": 115200, "charset": "gsm" | "ucs2",
///       "commandTimeoutSeconds": 3, "sendTimeoutSeconds": 30, "checkNetwork": true, "notes": "…" }
///
/// Only `id`, `name` and `charset` are required. Strict like the other profiles: a misspelt field names its file.
public enum ModemProfiles {
    static let knownFields: Set<String> = [
        "id", "name", "baud", "charset", "commandTimeoutSeconds", "sendTimeoutSeconds", "checkNetwork", "notes",
    ]

    public static func load(directory: URL) throws(ModemProfileError) -> [ModemProfile] {
        try ProfileDirectory.load(directory, decode: decode(_:file:), id: \.id)
    }

    public static func decode(_ data: Data, file: String) throws(ModemProfileError) -> ModemProfile {
        let fields = try ProfileFields<ModemProfileError>.parse(data, file: file)
        try fields.onlyKeys(knownFields)
        _ = try fields.optionalString("notes")
        let id = try fields.string("id")
        guard ProfileDirectory.isWellFormedID(id) else {
            throw fields.invalid(
                "id", value: "\"\(id)\"", "chỉ gồm chữ thường, chữ số và dấu “-”", "must be lower-case letters, digits and \"-\"")
        }
        let name = try fields.string("name")
        let baud = try fields.optionalInt("baud") ?? 115_200
        guard DisplaySerialSettings.supportedBauds.contains(baud) else {
            throw fields.invalid("baud", value: String(baud), "không được hỗ trợ", "is not a supported speed")
        }
        let charset: ModemProfile.Charset = try fields.choice("charset")
        let command = try fields.optionalInt("commandTimeoutSeconds") ?? 3
        let send = try fields.optionalInt("sendTimeoutSeconds") ?? 30
        guard (1...60).contains(command), (5...180).contains(send) else {
            throw fields.invalid(
                "sendTimeoutSeconds", value: "\(command)/\(send)", "ngoài khoảng (lệnh 1–60 s, gửi 5–180 s)",
                "is out of range (commands 1–60 s, sending 5–180 s)")
        }
        let check = fields.has("checkNetwork") ? try fields.bool("checkNetwork") : true
        return ModemProfile(
            id: id, name: name, baud: baud, charset: charset, commandTimeout: Double(command), sendTimeout: Double(send),
            checkNetwork: check)
    }
}

/// Why a modem profile was refused, in the words every profile kind shares (they name the file and field).
public struct ModemProfileError: WordedProfileError, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let field: String?
    public let message: String
    public let englishMessage: String

    static let kindName = (vietnamese: "modem", english: "modem")

    init(_ mistake: ProfileMistake, file: String, field: String?, message: String, englishMessage: String) {
        self.file = file
        self.field = field
        self.message = message
        self.englishMessage = englishMessage
    }

    public var description: String { englishMessage }
}
