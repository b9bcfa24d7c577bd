public import Foundation

/// Loads and checks the keypad profiles in `devices/keypads/*.json`.
///
/// The format (one object per file):
///
///     { "id": "rating-4key", "name": "…", "kind": "rating" | "caller",
///       "vendorID": "05a4", "productID": "9837",      // optional pair; without it: any boot keyboard
///       "mode": "single-key" | "sequence-enter",
///       "keys": { "0x1E": 1, … },                     // single-key: usage ID → meaning
///       "sequences": { "12": 1, … },                  // sequence-enter: digits typed before Enter → meaning
///       "debounceSeconds": 2.0, "sequenceTimeoutSeconds": 5.0, "notes": "…" }   // optional
///
/// A meaning is a level 1–4 for a rating keypad and `next`, `recall`, `serve`, `done`, `no-show` or
/// `transfer:<field code>` for a caller keypad. Strict like the printer profiles: a misspelt field or an
/// unknown meaning is an error naming the file and field, never a key that silently does nothing.
public enum KeypadProfiles {
    static let knownFields: Set<String> = [
        "id", "name", "kind", "vendorID", "productID", "mode", "keys", "sequences", "debounceSeconds",
        "sequenceTimeoutSeconds", "notes",
    ]

    /// Every `*.json` file in `directory`, sorted by file name, validated, with unique ids.
    public static func load(directory: URL) throws(KeypadError) -> [KeypadProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw KeypadError(
                .directoryUnreadable, file: directory.path,
                message: "Không đọc được thư mục hồ sơ bàn phím \(directory.path): \(error.localizedDescription)",
                englishMessage: "Cannot list keypad profiles in \(directory.path): \(error.localizedDescription)")
        }
        var profiles: [KeypadProfile] = []
        var fileOfID: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name).path
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw KeypadError(
                    .fileUnreadable, file: file, message: "\(file): không đọc được tệp: \(error.localizedDescription)",
                    englishMessage: "\(file): cannot read: \(error.localizedDescription)")
            }
            let profile = try decode(data, file: file)
            if let other = fileOfID[profile.id] {
                throw KeypadError(
                    .duplicateID, file: file, field: "id",
                    message: "\(file): mã “\(profile.id)” đã được dùng trong \(other).",
                    englishMessage: "\(file): id \"\(profile.id)\" is already used by \(other).")
            }
            fileOfID[profile.id] = file
            profiles.append(profile)
        }
        return profiles
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(KeypadError) -> KeypadProfile {
        let value: JSON
        do {
            value = try JSONDecoder().decode(JSON.self, from: data)
        } catch {
            throw KeypadError(
                .invalidJSON, file: file,
                message: "\(file): không phải JSON hợp lệ (kiểm tra ngoặc, dấu phẩy, dấu nháy).",
                englishMessage: "\(file): not valid JSON (check brackets, commas and quotes): \(error)")
        }
        guard case .object(let object) = value else {
            throw KeypadError(
                .invalidJSON, file: file, message: "\(file): cấp ngoài cùng phải là một đối tượng { … }.",
                englishMessage: "\(file): the top level must be an object { … }.")
        }
        return try Reader(file: file, object: object).profile()
    }
}

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

extension KeypadProfiles {
    /// Reads one profile object field by field, so every error names its field.
    struct Reader {
        let file: String
        let object: [String: JSON]

        func profile() throws(KeypadError) -> KeypadProfile {
            if let unknown = object.keys.sorted().first(where: { !knownFields.contains($0) }) {
                throw .unknown(file, unknown)
            }
            if let notes = object["notes"] {
                guard case .string = notes else {
                    throw .wrongType(file, "notes", vietnamese: "một chuỗi", english: "a string")
                }
            }
            let id = try string("id")
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw .invalid(
                    file, "id", value: "\"\(id)\"", vietnamese: "chỉ gồm chữ thường, chữ số và dấu “-”",
                    english: "must be lower-case letters, digits and \"-\"")
            }
            let name = try string("name")
            guard !name.isEmpty else {
                throw .invalid(
                    file, "name", value: "\"\"", vietnamese: "không được để trống", english: "must not be empty")
            }
            let kind = try choice("kind", KeypadKind.self)
            let mode = try choice("mode", KeypadMode.self)
            var keys: [UInt8: KeypadAction] = [:]
            var sequences: [String: KeypadAction] = [:]
            switch mode {
            case .singleKey:
                try forbid("sequences", because: "single-key")
                for (field, value) in try map("keys") {
                    keys[try usage(field)] = try meaning(value, kind: kind, field: "keys.\(field)")
                }
            case .sequenceEnter:
                try forbid("keys", because: "sequence-enter")
                for (field, value) in try map("sequences") {
                    guard (1...8).contains(field.count), field.allSatisfy({ ("0"..."9").contains($0) }) else {
                        throw .invalid(
                            file, "sequences.\(field)", value: "\"\(field)\"", vietnamese: "phải là 1–8 chữ số",
                            english: "must be 1–8 digits")
                    }
                    sequences[field] = try meaning(value, kind: kind, field: "sequences.\(field)")
                }
            }
            return KeypadProfile(
                id: id, name: name, kind: kind, match: try matchRule(), mode: mode, keys: keys, sequences: sequences,
                debounceSeconds: try seconds(
                    "debounceSeconds", default: KeypadProfile.defaultDebounceSeconds, allowZero: true),
                sequenceTimeoutSeconds: try seconds(
                    "sequenceTimeoutSeconds", default: KeypadProfile.defaultSequenceTimeoutSeconds, allowZero: false))
        }

        private func string(_ field: String) throws(KeypadError) -> String {
            guard let value = object[field] else { throw .missing(file, field) }
            guard case .string(let text) = value else {
                throw .wrongType(file, field, vietnamese: "một chuỗi", english: "a string")
            }
            return text
        }

        private func choice<T: RawRepresentable & CaseIterable>(
            _ field: String, _ type: T.Type
        ) throws(KeypadError) -> T where T.RawValue == String {
            let text = try string(field)
            guard let value = T(rawValue: text) else {
                let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw .invalid(
                    file, field, value: "\"\(text)\"", vietnamese: "phải là một trong \(allowed)",
                    english: "must be one of \(allowed)")
            }
            return value
        }

        private func forbid(_ field: String, because mode: String) throws(KeypadError) {
            guard object[field] != nil else { return }
            throw .invalid(
                file, field, value: "{…}", vietnamese: "không dùng với mode “\(mode)”",
                english: "is not used with mode \"\(mode)\"")
        }

        private func map(_ field: String) throws(KeypadError) -> [(String, JSON)] {
            guard let value = object[field] else { throw .missing(file, field) }
            guard case .object(let entries) = value else {
                throw .wrongType(file, field, vietnamese: "một đối tượng { … }", english: "an object { … }")
            }
            guard !entries.isEmpty else {
                throw .invalid(
                    file, field, value: "{}", vietnamese: "không được để trống", english: "must not be empty")
            }
            return entries.sorted { $0.key < $1.key }
        }

        /// `"0x1E"`: a usage ID of the Keyboard/Keypad page that can appear in a key slot (0x04…0xDF).
        private func usage(_ text: String) throws(KeypadError) -> UInt8 {
            let digits = text.lowercased().hasPrefix("0x") ? text.dropFirst(2) : ""
            guard digits.count == 2, let value = UInt8(digits, radix: 16), (0x04...0xDF).contains(value) else {
                throw .invalid(
                    file, "keys.\(text)", value: "\"\(text)\"",
                    vietnamese: "phải là mã usage HID dạng \"0x1E\" (0x04…0xDF)",
                    english: "must be a HID usage ID written like \"0x1E\" (0x04…0xDF)")
            }
            return value
        }

        private func meaning(_ value: JSON, kind: KeypadKind, field: String) throws(KeypadError) -> KeypadAction {
            switch kind {
            case .rating:
                if case .integer(let number) = value, let level = KeypadRatingLevel(rawValue: number) {
                    return .rating(level)
                }
                throw .invalid(
                    file, field, value: value.shown,
                    vietnamese:
                        "phải là mức đánh giá 1–4 (1 = Rất hài lòng, 2 = Hài lòng, 3 = Bình thường, 4 = Không hài lòng)",
                    english: "must be a rating level 1–4 (1 = very satisfied … 4 = not satisfied)")
            case .caller:
                if case .string(let text) = value, let command = CallerCommand(profileValue: text) {
                    return .caller(command)
                }
                throw .invalid(
                    file, field, value: value.shown,
                    vietnamese: "phải là next, recall, serve, done, no-show hoặc transfer:<mã lĩnh vực>",
                    english: "must be next, recall, serve, done, no-show or transfer:<field code>")
            }
        }

        private func matchRule() throws(KeypadError) -> KeypadMatchRule {
            switch (object["vendorID"], object["productID"]) {
            case (nil, nil):
                return .bootKeyboard
            case (.some, nil):
                throw .missing(file, "productID")
            case (nil, .some):
                throw .missing(file, "vendorID")
            case (.some, .some):
                return .vendorProduct(vendorID: try hex4("vendorID"), productID: try hex4("productID"))
            }
        }

        private func hex4(_ field: String) throws(KeypadError) -> UInt16 {
            let text = try string(field)
            guard text.count == 4, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
                let value = UInt16(text, radix: 16)
            else {
                throw .invalid(
                    file, field, value: "\"\(text)\"", vietnamese: "phải là 4 chữ số hex viết thường như trong lsusb",
                    english: "must be 4 lower-case hex digits as lsusb shows them")
            }
            return value
        }

        private func seconds(_ field: String, default fallback: Double, allowZero: Bool) throws(KeypadError) -> Double {
            guard let value = object[field] else { return fallback }
            let number: Double
            switch value {
            case .integer(let whole): number = Double(whole)
            case .number(let fraction): number = fraction
            default: throw .wrongType(file, field, vietnamese: "một số giây", english: "a number of seconds")
            }
            guard number <= 60, allowZero ? number >= 0 : number > 0 else {
                throw .invalid(
                    file, field, value: value.shown,
                    vietnamese: allowZero ? "phải từ 0 đến 60" : "phải lớn hơn 0 và không quá 60",
                    english: allowZero ? "must be between 0 and 60" : "must be more than 0 and at most 60")
            }
            return number
        }
    }
}
