/// Why a keypad profile in `devices/keypads/*.json` was refused. Every message names the file and, where
/// there is one, the field (e.g. `keys.0x1E`), because the reader is an administrator editing JSON by hand.
public struct KeypadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with a keypad profile or a key press.
    public enum Code: String, Sendable, CaseIterable {
        case directoryUnreadable = "directory_unreadable"
        case fileUnreadable = "file_unreadable"
        case invalidJSON = "invalid_json"
        case missingField = "missing_field"
        case wrongType = "wrong_type"
        case unknownField = "unknown_field"
        /// A value of the right type that is not allowed (an unknown meaning, a level of 5, a bad usage ID).
        case invalidValue = "invalid_value"
        case duplicateID = "duplicate_id"
    }

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

    static func missing(_ file: String, _ field: String) -> KeypadError {
        KeypadError(
            .missingField, file: file, field: field, message: "\(file): thiếu trường “\(field)”.",
            englishMessage: "\(file): missing field \"\(field)\".")
    }

    static func wrongType(_ file: String, _ field: String, vietnamese: String, english: String) -> KeypadError {
        KeypadError(
            .wrongType, file: file, field: field, message: "\(file): trường “\(field)” phải là \(vietnamese).",
            englishMessage: "\(file): field \"\(field)\" must be \(english).")
    }

    static func unknown(_ file: String, _ field: String) -> KeypadError {
        KeypadError(
            .unknownField, file: file, field: field,
            message: "\(file): trường “\(field)” không được hỗ trợ (kiểm tra chính tả; ghi chú đặt trong “notes”).",
            englishMessage: "\(file): unknown field \"\(field)\" (check its spelling; free text goes in \"notes\").")
    }

    static func invalid(
        _ file: String, _ field: String, value: String, vietnamese: String, english: String
    ) -> KeypadError {
        KeypadError(
            .invalidValue, file: file, field: field,
            message: "\(file): trường “\(field)” \(vietnamese), nhận được \(value).",
            englishMessage: "\(file): field \"\(field)\" \(english), got \(value).")
    }
}
