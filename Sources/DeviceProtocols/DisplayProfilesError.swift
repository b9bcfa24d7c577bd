/// Why a display profile (or an address for it) was refused. Messages name the file and the field, because
/// the reader is an administrator editing `devices/displays/*.json` by hand.
public struct DisplayProfilesError: WordedProfileError, Sendable, Equatable, CustomStringConvertible {
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

    static let kindName = (vietnamese: "màn hình", english: "display")

    init(_ mistake: ProfileMistake, file: String, field: String?, message: String, englishMessage: String) {
        self.init(Code(mistake), file: file, field: field, message: message, englishMessage: englishMessage)
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

extension DisplayProfilesError.Code {
    init(_ mistake: ProfileMistake) {
        self =
            switch mistake {
            case .directoryUnreadable: .directoryUnreadable
            case .fileUnreadable: .fileUnreadable
            case .invalidJSON: .invalidJSON
            case .missingField: .missingField
            case .wrongType: .wrongType
            case .unknownField: .unknownField
            case .invalidValue: .invalidValue
            case .duplicateID: .duplicateID
            }
    }
}
