/// Why a display profile (or an address for it) was refused. Messages name the file and the field, because
/// the reader is an administrator editing `devices/displays/*.json` by hand.
public struct DisplayProfilesError: ProfileError, Sendable, Equatable, CustomStringConvertible {
    /// What kind of mistake, as a stable machine-readable name.
    public enum Code: String, Sendable, CaseIterable {
        case directoryUnreadable = "directory_unreadable"
        case fileUnreadable = "file_unreadable"
        case invalidJSON = "invalid_json"
        case missingField = "missing_field"
        case wrongType = "wrong_type"
        case unknownField = "unknown_field"
        case invalidValue = "invalid_value"
        case duplicateID = "duplicate_id"
        /// A frame was asked for an address the board's profile does not accept.
        case addressOutOfRange = "address_out_of_range"
    }

    public let code: Code
    /// The profile file (or, for `.addressOutOfRange`, the profile id); for `.directoryUnreadable` the folder.
    public let file: String
    /// The JSON field, dotted for nested ones ("frame.checksum.kind"); nil when the whole file is at fault.
    public let field: String?
    public let message: String
    public let englishMessage: String

    public init(_ code: Code, file: String, field: String?, message: String, englishMessage: String) {
        self.code = code
        self.file = file
        self.field = field
        self.message = message
        self.englishMessage = englishMessage
    }

    public var description: String { "\(code.rawValue): \(englishMessage)" }

    static func directoryUnreadable(path: String, reason: String) -> Self {
        Self(
            .directoryUnreadable, file: path, field: nil,
            message: "Không đọc được thư mục hồ sơ màn hình \(path): \(reason)",
            englishMessage: "Cannot list display profiles in \(path): \(reason)")
    }

    static func fileUnreadable(file: String, reason: String) -> Self {
        Self(
            .fileUnreadable, file: file, field: nil, message: "\(file): không đọc được tệp: \(reason)",
            englishMessage: "\(file): cannot read: \(reason)")
    }

    static func notJSON(file: String, reason: String) -> Self {
        Self(
            .invalidJSON, file: file, field: nil,
            message: "\(file): không phải JSON hợp lệ, kiểm tra ngoặc, dấu phẩy và dấu nháy (\(reason))",
            englishMessage: "\(file): not valid JSON, check brackets, commas and quotes (\(reason))")
    }

    static func notAnObject(file: String) -> Self {
        notJSON(file: file, reason: "the top level must be an object { … }")
    }

    static func missingField(file: String, field: String) -> Self {
        Self(
            .missingField, file: file, field: field, message: "\(file): thiếu trường \"\(field)\"",
            englishMessage: "\(file): missing field \"\(field)\"")
    }

    static func wrongType(file: String, field: String, vietnamese: String, english: String) -> Self {
        Self(
            .wrongType, file: file, field: field, message: "\(file): trường \"\(field)\" phải là \(vietnamese)",
            englishMessage: "\(file): field \"\(field)\" must be \(english)")
    }

    static func unknownField(file: String, field: String) -> Self {
        Self(
            .unknownField, file: file, field: field,
            message: "\(file): trường lạ \"\(field)\" (kiểm tra chính tả; ghi chú tự do đặt trong \"notes\")",
            englishMessage: "\(file): unknown field \"\(field)\" (check its spelling; free text goes in \"notes\")")
    }

    static func invalidValue(file: String, field: String, value: String, vietnamese: String, english: String) -> Self {
        Self(
            .invalidValue, file: file, field: field,
            message: "\(file): trường \"\(field)\" \(vietnamese), nhận được \(value)",
            englishMessage: "\(file): field \"\(field)\" \(english), got \(value)")
    }

    static func duplicateID(id: String, file: String, otherFile: String) -> Self {
        Self(
            .duplicateID, file: file, field: "id", message: "\(file): mã \"\(id)\" đã được dùng trong \(otherFile)",
            englishMessage: "\(file): id \"\(id)\" is already used by \(otherFile)")
    }

    static func addressOutOfRange(_ address: Int, profile: DisplayProfile, range: ClosedRange<Int>) -> Self {
        Self(
            .addressOutOfRange, file: profile.id, field: "address",
            message:
                "màn hình \(profile.id): địa chỉ \(address) ngoài khoảng \(range.lowerBound)…\(range.upperBound) mà bảng chấp nhận; sửa địa chỉ thiết bị đã gán cho quầy",
            englishMessage:
                "display \(profile.id): address \(address) is outside \(range.lowerBound)…\(range.upperBound), which the board accepts; fix the device address bound to the counter"
        )
    }
}
