/// Why a keypad profile in `devices/keypads/*.json` was refused. Every message names the file and, where
/// there is one, the field (e.g. `keys.0x1E`), because the reader is an administrator editing JSON by hand.
public struct KeypadError: ProfileError, Sendable, Equatable, CustomStringConvertible {
    /// What kind of mistake, as a stable machine-readable name.
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

    static func directoryUnreadable(path: String, reason: String) -> Self {
        Self(
            .directoryUnreadable, file: path, message: "Không đọc được thư mục hồ sơ bàn phím \(path): \(reason)",
            englishMessage: "Cannot list keypad profiles in \(path): \(reason)")
    }

    static func fileUnreadable(file: String, reason: String) -> Self {
        Self(
            .fileUnreadable, file: file, message: "\(file): không đọc được tệp: \(reason)",
            englishMessage: "\(file): cannot read: \(reason)")
    }

    static func notJSON(file: String, reason: String) -> Self {
        Self(
            .invalidJSON, file: file, message: "\(file): không phải JSON hợp lệ (kiểm tra ngoặc, dấu phẩy, dấu nháy).",
            englishMessage: "\(file): not valid JSON (check brackets, commas and quotes): \(reason)")
    }

    static func notAnObject(file: String) -> Self {
        Self(
            .invalidJSON, file: file, message: "\(file): cấp ngoài cùng phải là một đối tượng { … }.",
            englishMessage: "\(file): the top level must be an object { … }.")
    }

    static func missingField(file: String, field: String) -> Self {
        Self(
            .missingField, file: file, field: field, message: "\(file): thiếu trường “\(field)”.",
            englishMessage: "\(file): missing field \"\(field)\".")
    }

    static func wrongType(file: String, field: String, vietnamese: String, english: String) -> Self {
        Self(
            .wrongType, file: file, field: field, message: "\(file): trường “\(field)” phải là \(vietnamese).",
            englishMessage: "\(file): field \"\(field)\" must be \(english).")
    }

    static func unknownField(file: String, field: String) -> Self {
        Self(
            .unknownField, file: file, field: field,
            message: "\(file): trường “\(field)” không được hỗ trợ (kiểm tra chính tả; ghi chú đặt trong “notes”).",
            englishMessage: "\(file): unknown field \"\(field)\" (check its spelling; free text goes in \"notes\").")
    }

    static func invalidValue(file: String, field: String, value: String, vietnamese: String, english: String) -> Self {
        Self(
            .invalidValue, file: file, field: field,
            message: "\(file): trường “\(field)” \(vietnamese), nhận được \(value).",
            englishMessage: "\(file): field \"\(field)\" \(english), got \(value).")
    }

    static func duplicateID(id: String, file: String, otherFile: String) -> Self {
        Self(
            .duplicateID, file: file, field: "id", message: "\(file): mã “\(id)” đã được dùng trong \(otherFile).",
            englishMessage: "\(file): id \"\(id)\" is already used by \(otherFile).")
    }
}
