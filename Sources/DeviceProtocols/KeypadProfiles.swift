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
        try ProfileDirectory.load(directory, decode: decode(_:file:), id: \.id)
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(KeypadError) -> KeypadProfile {
        try Reader(fields: ProfileFields.parse(data, file: file)).profile()
    }
}

extension KeypadProfiles {
    /// Reads one profile object field by field, so every error names its field.
    struct Reader {
        let fields: ProfileFields<KeypadError>

        func profile() throws(KeypadError) -> KeypadProfile {
            try fields.onlyKeys(knownFields)
            _ = try fields.optionalString("notes")
            let id = try fields.string("id")
            guard ProfileDirectory.isWellFormedID(id) else {
                throw fields.invalid(
                    "id", value: "\"\(id)\"", "chỉ gồm chữ thường, chữ số và dấu “-”",
                    "must be lower-case letters, digits and \"-\"")
            }
            let name = try fields.string("name")
            guard !name.isEmpty else { throw fields.invalid("name", value: "\"\"", "không được để trống", "must not be empty") }
            let kind: KeypadKind = try fields.choice("kind")
            let mode: KeypadMode = try fields.choice("mode")
            var keys: [UInt8: KeypadAction] = [:]
            var sequences: [String: KeypadAction] = [:]
            switch mode {
            case .singleKey:
                try forbid("sequences", because: "single-key")
                let map = try nonEmptyObject("keys")
                for (field, value) in map.entries {
                    keys[try usage(field, in: map)] = try meaning(value, kind: kind, field: field, in: map)
                }
            case .sequenceEnter:
                try forbid("keys", because: "sequence-enter")
                let map = try nonEmptyObject("sequences")
                for (field, value) in map.entries {
                    guard (1...8).contains(field.count), field.allSatisfy({ ("0"..."9").contains($0) }) else {
                        throw map.invalid(field, value: "\"\(field)\"", "phải là 1–8 chữ số", "must be 1–8 digits")
                    }
                    sequences[field] = try meaning(value, kind: kind, field: field, in: map)
                }
            }
            return KeypadProfile(
                id: id, name: name, kind: kind, match: try matchRule(), mode: mode, keys: keys, sequences: sequences,
                debounceSeconds: try seconds(
                    "debounceSeconds", default: KeypadProfile.defaultDebounceSeconds, allowZero: true),
                sequenceTimeoutSeconds: try seconds(
                    "sequenceTimeoutSeconds", default: KeypadProfile.defaultSequenceTimeoutSeconds, allowZero: false))
        }

        private func forbid(_ field: String, because mode: String) throws(KeypadError) {
            guard fields.has(field) else { return }
            throw fields.invalid(
                field, value: "{…}", "không dùng với mode “\(mode)”", "is not used with mode \"\(mode)\"")
        }

        /// The `keys` or `sequences` object, which must hold at least one entry.
        private func nonEmptyObject(_ field: String) throws(KeypadError) -> ProfileFields<KeypadError> {
            let map = try fields.child(field)
            guard !map.object.isEmpty else {
                throw fields.invalid(field, value: "{}", "không được để trống", "must not be empty")
            }
            return map
        }

        /// `"0x1E"`: a usage ID of the Keyboard/Keypad page that can appear in a key slot (0x04…0xDF).
        private func usage(_ text: String, in map: ProfileFields<KeypadError>) throws(KeypadError) -> UInt8 {
            let digits = text.lowercased().hasPrefix("0x") ? text.dropFirst(2) : ""
            guard digits.count == 2, let value = UInt8(digits, radix: 16), (0x04...0xDF).contains(value) else {
                throw map.invalid(
                    text, value: "\"\(text)\"", "phải là mã usage HID dạng \"0x1E\" (0x04…0xDF)",
                    "must be a HID usage ID written like \"0x1E\" (0x04…0xDF)")
            }
            return value
        }

        private func meaning(
            _ value: ProfileJSON, kind: KeypadKind, field: String, in map: ProfileFields<KeypadError>
        ) throws(KeypadError) -> KeypadAction {
            switch kind {
            case .rating:
                if case .integer(let number) = value, let level = KeypadRatingLevel(rawValue: number) {
                    return .rating(level)
                }
                throw map.invalid(
                    field, value: value.shown,
                    "phải là mức đánh giá 1–4 (1 = Rất hài lòng, 2 = Hài lòng, 3 = Bình thường, 4 = Không hài lòng)",
                    "must be a rating level 1–4 (1 = very satisfied … 4 = not satisfied)")
            case .caller:
                if case .string(let text) = value, let command = CallerCommand(profileValue: text) {
                    return .caller(command)
                }
                throw map.invalid(
                    field, value: value.shown, "phải là next, recall, serve, done, no-show hoặc transfer:<mã lĩnh vực>",
                    "must be next, recall, serve, done, no-show or transfer:<field code>")
            }
        }

        private func matchRule() throws(KeypadError) -> KeypadMatchRule {
            switch (fields.has("vendorID"), fields.has("productID")) {
            case (false, false): .bootKeyboard
            case (true, false): throw .missingField(file: fields.file, field: "productID")
            case (false, true): throw .missingField(file: fields.file, field: "vendorID")
            case (true, true): .vendorProduct(vendorID: try hex4("vendorID"), productID: try hex4("productID"))
            }
        }

        private func hex4(_ field: String) throws(KeypadError) -> UInt16 {
            let text = try fields.string(field)
            guard text.count == 4, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
                let value = UInt16(text, radix: 16)
            else {
                throw fields.invalid(
                    field, value: "\"\(text)\"", "phải là 4 chữ số hex viết thường như trong lsusb",
                    "must be 4 lower-case hex digits as lsusb shows them")
            }
            return value
        }

        private func seconds(_ field: String, default fallback: Double, allowZero: Bool) throws(KeypadError) -> Double {
            guard fields.has(field) else { return fallback }
            let value = try fields.value(field)
            let number: Double
            switch value {
            case .integer(let whole): number = Double(whole)
            case .number(let fraction): number = fraction
            default: throw fields.wrongType(field, "một số giây", "a number of seconds")
            }
            guard number <= 60, allowZero ? number >= 0 : number > 0 else {
                throw fields.invalid(
                    field, value: value.shown, allowZero ? "phải từ 0 đến 60" : "phải lớn hơn 0 và không quá 60",
                    allowZero ? "must be between 0 and 60" : "must be more than 0 and at most 60")
            }
            return number
        }
    }
}
