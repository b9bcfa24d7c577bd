/// The mistakes the shared profile reader (`ProfileDirectory`, `ProfileFields`) finds, as stable machine-readable names.
public enum ProfileMistake: String, Sendable, CaseIterable {
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

/// A profile error in the words every kind shares (the file first, the field in quotes, the fix in brackets): the
/// kind supplies only its name for the folder and how it holds a mistake. Keypads, displays and modems use it;
/// printers keep their English-only enum.
protocol WordedProfileError: ProfileError {
    /// The kind in "Không đọc được thư mục hồ sơ <vietnamese>" / "Cannot list <english> profiles".
    static var kindName: (vietnamese: String, english: String) { get }
    init(_ mistake: ProfileMistake, file: String, field: String?, message: String, englishMessage: String)
}

extension WordedProfileError {
    static func directoryUnreadable(path: String, reason: String) -> Self {
        Self(
            .directoryUnreadable, file: path, field: nil, message: "Không đọc được thư mục hồ sơ \(kindName.vietnamese) \(path): \(reason)",
            englishMessage: "Cannot list \(kindName.english) profiles in \(path): \(reason)")
    }

    static func fileUnreadable(file: String, reason: String) -> Self {
        Self(
            .fileUnreadable, file: file, field: nil, message: "\(file): không đọc được tệp: \(reason)",
            englishMessage: "\(file): cannot read: \(reason)")
    }

    static func notJSON(file: String, reason: String) -> Self {
        Self(
            .invalidJSON, file: file, field: nil, message: "\(file): không phải JSON hợp lệ (kiểm tra ngoặc, dấu phẩy, dấu nháy).",
            englishMessage: "\(file): not valid JSON (check brackets, commas and quotes): \(reason)")
    }

    static func notAnObject(file: String) -> Self {
        Self(
            .invalidJSON, file: file, field: nil, message: "\(file): cấp ngoài cùng phải là một đối tượng { … }.",
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
            .invalidValue, file: file, field: field, message: "\(file): trường “\(field)” \(vietnamese), nhận được \(value).",
            englishMessage: "\(file): field \"\(field)\" \(english), got \(value).")
    }

    static func duplicateID(id: String, file: String, otherFile: String) -> Self {
        Self(
            .duplicateID, file: file, field: "id", message: "\(file): mã “\(id)” đã được dùng trong \(otherFile).",
            englishMessage: "\(file): id \"\(id)\" is already used by \(otherFile).")
    }
}
