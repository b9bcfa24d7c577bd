/// A profile file's JSON value. Booleans, whole numbers and fractions stay apart, so every field can be
/// checked, and named in the error, before it is used: Foundation's `DecodingError` loses the field name
/// on Linux for some mistakes (a fractional width is reported as "not valid JSON").
enum ProfileJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([ProfileJSON])
    case object([String: ProfileJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = Self.ifOfKind({ try container.decode(Bool.self) }) {
            self = .bool(value)
        } else if let value = Self.ifOfKind({ try container.decode(Int.self) }) {
            self = .integer(value)
        } else if let value = Self.ifOfKind({ try container.decode(Double.self) }) {
            self = .number(value)
        } else if let text = Self.ifOfKind({ try container.decode(String.self) }) {
            self = .string(text)
        } else if let values = Self.ifOfKind({ try container.decode([ProfileJSON].self) }) {
            self = .array(values)
        } else {
            self = .object(try container.decode([String: ProfileJSON].self))
        }
    }

    /// The value as written, for error messages.
    var shown: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let text): "\"\(text)\""
        case .array: "[…]"
        case .object: "{…}"
        }
    }

    /// `decode`'s value, or nil when the JSON value is of another kind. Here a failure is the answer, whatever
    /// the error: Foundation on Linux reports an `Int` asked of 2.5 with an internal error, not a
    /// `DecodingError`. The last kind tried, an object, is decoded with its error thrown.
    private static func ifOfKind<T>(_ decode: () throws -> T) -> T? {
        do {
            return try decode()
        } catch {
            return nil
        }
    }
}
