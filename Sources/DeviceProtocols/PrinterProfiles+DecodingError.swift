extension PrinterProfiles {
    /// Turns Foundation's decoding error into one naming the file and field in words an administrator reads.
    /// `checkFields` catches these cases first; this is the net for anything it misses.
    static func describe(_ error: DecodingError, file: String) -> PrinterProfilesError {
        switch error {
        case .keyNotFound(let key, _):
            return .missingField(file: file, field: key.stringValue)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return .wrongType(file: file, field: fieldName(context), expected: expectation(for: type))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .invalidJSON(file: file, reason: context.debugDescription) }
            return .wrongType(file: file, field: fieldName(context), expected: "valid (\(context.debugDescription))")
        @unknown default:
            return .invalidJSON(file: file, reason: "\(error)")
        }
    }

    /// The JSON spellings of `PrinterProfile.Cut`, for error messages.
    static let cutNames = ["full", "partial", "feed-full", "feed-partial", "none"]

    private static func fieldName(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func expectation(for type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Int.self { return "a whole number" }
        if type == Bool.self { return "true or false" }
        if type == PrinterProfile.Cut.self { return "a string" }
        return "a \(type)"
    }
}
