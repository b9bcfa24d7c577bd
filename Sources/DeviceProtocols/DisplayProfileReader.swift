/// Reads one JSON object of a display profile field by field, so every error names the file and the dotted
/// field path. (Foundation's `DecodingError` loses field names on Linux for some mistakes; see
/// `PrinterProfiles.JSONValue`.)
struct DisplayProfileReader {
    enum JSON: Decodable {
        case null
        case bool(Bool)
        case integer(Int)
        case number
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
            } else if (try? container.decode(Double.self)) != nil {
                self = .number
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let values = try? container.decode([JSON].self) {
                self = .array(values)
            } else {
                self = .object(try container.decode([String: JSON].self))
            }
        }
    }

    let file: String
    let path: String
    let object: [String: JSON]

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Rejects keys outside `allowed` (a probable misspelling).
    func onlyKeys(_ allowed: Set<String>) throws(DisplayProfilesError) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownField(file, field: name(unknown))
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    func string(_ key: String) throws(DisplayProfilesError) -> String {
        guard let value = object[key] else { throw .missingField(file, field: name(key)) }
        guard case .string(let text) = value else {
            throw .wrongType(file, field: name(key), vietnamese: "một chuỗi", english: "a string")
        }
        return text
    }

    func optionalString(_ key: String) throws(DisplayProfilesError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(DisplayProfilesError) -> Int {
        guard let value = object[key] else { throw .missingField(file, field: name(key)) }
        guard case .integer(let number) = value else {
            throw .wrongType(file, field: name(key), vietnamese: "một số nguyên", english: "a whole number")
        }
        return number
    }

    func optionalInt(_ key: String) throws(DisplayProfilesError) -> Int? {
        has(key) ? try int(key) : nil
    }

    /// A string that must be one of `T`'s raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T? = nil)
        throws(DisplayProfilesError) -> T where T.RawValue == String
    {
        if !has(key), let fallback { return fallback }
        let text = try string(key)
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw .invalidValue(
                file, field: name(key), value: "\"\(text)\"", vietnamese: "phải là một trong \(names)",
                english: "must be one of \(names)")
        }
        return value
    }

    /// An array of bytes, each a number 0…255 or a hex string "0x1B"; `[]` when absent.
    func bytes(_ key: String) throws(DisplayProfilesError) -> [UInt8] {
        guard let value = object[key] else { return [] }
        guard case .array(let items) = value else {
            throw .wrongType(
                file, field: name(key), vietnamese: "một mảng byte, ví dụ [2, \"0x03\"]",
                english: "an array of bytes, e.g. [2, \"0x03\"]")
        }
        var result: [UInt8] = []
        for (index, item) in items.enumerated() {
            let byte: UInt8?
            switch item {
            case .integer(let number): byte = UInt8(exactly: number)
            case .string(let text) where text.lowercased().hasPrefix("0x"): byte = UInt8(text.dropFirst(2), radix: 16)
            default: byte = nil
            }
            guard let byte else {
                throw .invalidValue(
                    file, field: "\(name(key))[\(index)]", value: Self.show(item),
                    vietnamese: "phải là một byte 0…255 hoặc chuỗi hex như \"0x1B\"",
                    english: "must be a byte 0…255 or a hex string like \"0x1B\"")
            }
            result.append(byte)
        }
        return result
    }

    func child(_ key: String) throws(DisplayProfilesError) -> DisplayProfileReader {
        guard let value = object[key] else { throw .missingField(file, field: name(key)) }
        guard case .object(let fields) = value else {
            throw .wrongType(file, field: name(key), vietnamese: "một đối tượng { … }", english: "an object { … }")
        }
        return DisplayProfileReader(file: file, path: name(key), object: fields)
    }

    static func show(_ value: JSON) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let number): "\(number)"
        case .number: "a fractional number"
        case .string(let text): "\"\(text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
