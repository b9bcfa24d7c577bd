/// Why a keypad profile in `devices/keypads/*.json` was refused. Every message names the file and, where
/// there is one, the field (e.g. `keys.0x1E`), because the reader is an administrator editing JSON by hand.
public struct KeypadError: WordedProfileError, Sendable, Equatable, CustomStringConvertible {
    /// What kind of mistake: the shared reader's, keypads add none.
    public typealias Code = ProfileMistake

    public let code: Code
    /// The profile file (or directory for `.directoryUnreadable`).
    public let file: String
    /// The field, dotted for nested ones (`match.vendorID`, `keys.0x1E`); nil when the whole file is at fault.
    public let field: String?
    public let message: String
    public let englishMessage: String

    public init(_ code: Code, file: String, field: String? = nil, message: String, englishMessage: String) {
        self.code = code
        self.file = file
        self.field = field
        self.message = message
        self.englishMessage = englishMessage
    }

    public var description: String { "\(code.rawValue): \(englishMessage)" }

    static let kindName = (vietnamese: "bàn phím", english: "keypad")
}
