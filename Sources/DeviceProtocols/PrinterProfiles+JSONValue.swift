extension PrinterProfiles {
    /// A JSON value reduced to its kind, so a profile's fields can be checked one by one before decoding:
    /// Foundation's own decoding errors lose the field name on some platforms (a fractional width is
    /// reported as "not valid JSON" on Linux).
    enum JSONValue: Decodable {
        case bool, integer, number, null, array
        case string(String)
        case object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if (try? container.decode(Bool.self)) != nil {
                self = .bool
            } else if (try? container.decode(Int.self)) != nil {
                self = .integer
            } else if (try? container.decode(Double.self)) != nil {
                self = .number
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if (try? container.decode([JSONValue].self)) != nil {
                self = .array
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }
    }

    /// The kind of JSON value each profile field takes, in `PrinterProfile`'s declaration order.
    enum FieldKind {
        case string, integer, bool

        var expectation: String {
            switch self {
            case .string: "a string"
            case .integer: "a whole number"
            case .bool: "true or false"
            }
        }

        func accepts(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string(_)), (.integer, .integer), (.bool, .bool): true
            default: false
            }
        }
    }

    static let fields: [(name: String, kind: FieldKind)] = [
        ("id", .string), ("name", .string), ("vendorID", .string), ("productID", .string),
        ("paperWidthDots", .integer), ("cut", .string), ("nativeQR", .bool), ("vietnameseCodePage", .bool),
        ("statusSupported", .bool), ("maxStripHeight", .integer), ("lineSpacing", .integer),
    ]
}
