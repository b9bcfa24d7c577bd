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
