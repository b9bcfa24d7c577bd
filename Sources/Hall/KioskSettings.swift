public import QueueCore

/// What one kiosk (by client address) is set to from its own PIN-locked settings screen: the language it
/// resets to, how long it waits before resetting, which fields it offers and which printer it prints on.
/// Defaults are what a kiosk without settings does: Vietnamese, 30 s, every field, the hall's printer.
public struct KioskSettings: Codable, Sendable, Equatable {
    public var language: String
    public var idleSeconds: Int
    /// Field codes shown, in catalog order; `nil` = every field.
    public var fields: [String]?
    /// The printer's device id; `nil` = the hall's default for this kiosk (`--kiosk-printer`, else the first).
    public var printer: String?

    public static let languages = ["vi", "en"]
    public static let idleRange = 10...600

    public init(language: String = "vi", idleSeconds: Int = 30, fields: [String]? = nil, printer: String? = nil) {
        self.language = language
        self.idleSeconds = idleSeconds
        self.fields = fields
        self.printer = printer
    }

    /// Refuses values the kiosk could not honour, naming the bad one: an unknown language, field or printer,
    /// an idle time outside 10…600 s, or no field at all (a kiosk with nothing to press).
    public func validate(fieldCodes: Set<String>, printerIDs: Set<String>) throws(QueueError) {
        try Self.require(
            Self.languages.contains(language), "Ngôn ngữ phải là vi hoặc en (nhận “\(language)”).",
            "The language must be vi or en (got '\(language)').")
        try Self.require(
            Self.idleRange.contains(idleSeconds), "Thời gian tự quay về phải từ 10 đến 600 giây (nhận \(idleSeconds)).",
            "The idle reset must be 10 to 600 seconds (got \(idleSeconds)).")
        if let fields {
            try Self.require(!fields.isEmpty, "Cần hiện ít nhất một lĩnh vực.", "Show at least one field.")
            for code in fields {
                try Self.require(
                    fieldCodes.contains(code), "Không có lĩnh vực mã “\(code)”.", "No field with code '\(code)'.")
            }
        }
        if let printer {
            try Self.require(
                printerIDs.contains(printer), "Không có máy in “\(printer)” đang cắm.", "No printer '\(printer)' is attached.")
        }
    }

    private static func require(_ condition: Bool, _ message: String, _ english: String) throws(QueueError) {
        if !condition { throw QueueError.invalid(message, english) }
    }
}
