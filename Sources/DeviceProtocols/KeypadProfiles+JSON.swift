extension KeypadProfiles {
    /// A parsed JSON value that keeps booleans, whole numbers and fractions apart, so each field can be
    /// checked (and named in the error) before it is used.
    enum JSON: Decodable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let list = try? container.decode([JSON].self) {
                self = .array(list)
            } else {
                self = .object(try container.decode([String: JSON].self))
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
    }
}
