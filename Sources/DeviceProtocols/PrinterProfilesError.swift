/// Why a printer profile file was refused. Every message names the file and, where there is one, the field,
/// because the person reading it is an administrator editing `devices/printers/*.json` by hand.
public enum PrinterProfilesError: ProfileError, Sendable, Equatable, CustomStringConvertible {
    case directoryUnreadable(path: String, reason: String)
    case fileUnreadable(file: String, reason: String)
    case invalidJSON(file: String, reason: String)
    case missingField(file: String, field: String)
    case wrongType(file: String, field: String, expected: String)
    case unknownField(file: String, field: String)
    case invalidValue(file: String, field: String, value: String, rule: String)
    case duplicateID(id: String, file: String, otherFile: String)
    case duplicateUSBID(usbID: String, file: String, otherFile: String)

    public var description: String {
        switch self {
        case .directoryUnreadable(let path, let reason):
            "cannot list printer profiles in \(path): \(reason)"
        case .fileUnreadable(let file, let reason):
            "\(file): cannot read: \(reason)"
        case .invalidJSON(let file, let reason):
            "\(file): not valid JSON: \(reason)"
        case .missingField(let file, let field):
            "\(file): missing field \"\(field)\""
        case .wrongType(let file, let field, let expected):
            "\(file): field \"\(field)\" must be \(expected)"
        case .unknownField(let file, let field):
            "\(file): unknown field \"\(field)\" (check its spelling; free text goes in \"notes\")"
        case .invalidValue(let file, let field, let value, let rule):
            "\(file): field \"\(field)\" \(rule), got \(value)"
        case .duplicateID(let id, let file, let otherFile):
            "\(file): id \"\(id)\" is already used by \(otherFile)"
        case .duplicateUSBID(let usbID, let file, let otherFile):
            "\(file): USB id \(usbID) is already claimed by \(otherFile)"
        }
    }
}

extension PrinterProfilesError {
    /// Printer messages are English only: the Vietnamese half of the shared reader's wording is dropped.
    static func notJSON(file: String, reason: String) -> Self {
        .invalidJSON(file: file, reason: "check brackets, commas and quotes (\(reason))")
    }

    static func notAnObject(file: String) -> Self {
        .invalidJSON(file: file, reason: "the top level must be an object { … }")
    }

    static func wrongType(file: String, field: String, vietnamese: String, english: String) -> Self {
        .wrongType(file: file, field: field, expected: english)
    }

    static func invalidValue(file: String, field: String, value: String, vietnamese: String, english: String) -> Self {
        .invalidValue(file: file, field: field, value: value, rule: english)
    }
}
