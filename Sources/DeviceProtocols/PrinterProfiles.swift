public import Foundation

/// Loads and checks the printer profiles in `devices/printers/*.json`. Adding a printer model is adding a
/// file, so the loader is strict: a typo in a field name or a width the printer cannot have is reported with
/// the file and field instead of silently printing a wrong ticket.
public enum PrinterProfiles {
    /// The JSON keys of `PrinterProfile` (its property names), plus `notes` for free text such as the source
    /// of a USB id. Any other key is rejected as a probable misspelling.
    static var knownFields: Set<String> { Set(fields.map(\.name)) }
    static let freeTextFields: Set<String> = ["notes"]

    /// Every `*.json` file in `directory`, sorted by file name, validated, with unique ids and USB ids.
    public static func load(directory: URL) throws(PrinterProfilesError) -> [PrinterProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .directoryUnreadable(path: directory.path, reason: error.localizedDescription)
        }
        var profiles: [PrinterProfile] = []
        var fileOfID: [String: String] = [:]
        var fileOfUSBID: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name).path
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw .fileUnreadable(file: file, reason: error.localizedDescription)
            }
            let profile = try decode(data, file: file)
            if let other = fileOfID[profile.id] { throw .duplicateID(id: profile.id, file: file, otherFile: other) }
            let usbID = "\(profile.vendorID):\(profile.productID)"
            if let other = fileOfUSBID[usbID] { throw .duplicateUSBID(usbID: usbID, file: file, otherFile: other) }
            fileOfID[profile.id] = file
            fileOfUSBID[usbID] = file
            profiles.append(profile)
        }
        return profiles
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(PrinterProfilesError) -> PrinterProfile {
        try checkFields(data, file: file)
        let profile: PrinterProfile
        do {
            profile = try JSONDecoder().decode(PrinterProfile.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw .invalidJSON(file: file, reason: "\(error)")
        }
        try validate(profile, file: file)
        return profile
    }

    /// The profile for a plugged-in printer, if one matches its USB vendor and product id.
    public static func profile(vendorID: UInt16, productID: UInt16, in profiles: [PrinterProfile]) -> PrinterProfile? {
        profiles.first { usbID($0.vendorID) == vendorID && usbID($0.productID) == productID }
    }

    /// A 4-digit lowercase hex USB id as a number (`"0416"` → 0x0416); nil for anything else.
    public static func usbID(_ text: String) -> UInt16? {
        guard text.count == 4, text.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            return nil
        }
        return UInt16(text, radix: 16)
    }

    /// Unknown, missing and mistyped fields, each reported with its name, before the real decoding.
    private static func checkFields(_ data: Data, file: String) throws(PrinterProfilesError) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalidJSON(file: file, reason: "check brackets, commas and quotes (\(error))")
        }
        guard case .object(let object) = value else {
            throw .invalidJSON(file: file, reason: "the top level must be an object { … }")
        }
        let allowed = knownFields.union(freeTextFields)
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownField(file: file, field: unknown)
        }
        for field in fields {
            guard let value = object[field.name] else { throw .missingField(file: file, field: field.name) }
            guard field.kind.accepts(value) else {
                throw .wrongType(file: file, field: field.name, expected: field.kind.expectation)
            }
        }
        if let notes = object["notes"], !FieldKind.string.accepts(notes) {
            throw .wrongType(file: file, field: "notes", expected: FieldKind.string.expectation)
        }
        if case .string(let cut) = object["cut"], !cutNames.contains(cut) {
            throw .invalidValue(
                file: file, field: "cut", value: "\"\(cut)\"",
                rule: "must be one of \(cutNames.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
    }
}

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

extension PrinterProfiles {
    /// The limits a real ESC/POS printer has; a profile outside them cannot describe one.
    /// - width: whole bytes of `GS v 0` (multiple of 8), at most 832 dots (104 mm at 203 dpi);
    /// - strip height: 1…2303 rows, the smallest documented `GS v 0` limit (yH ≤ 8);
    /// - line spacing: one byte of `ESC 3 n`.
    public static func validate(_ profile: PrinterProfile, file: String) throws(PrinterProfilesError) {
        let idCharacters = profile.id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !profile.id.isEmpty, idCharacters else {
            throw .invalidValue(
                file: file, field: "id", value: quoted(profile.id), rule: "must be lowercase letters, digits and -")
        }
        guard !profile.name.allSatisfy(\.isWhitespace) else {
            throw .invalidValue(file: file, field: "name", value: quoted(profile.name), rule: "must not be empty")
        }
        for (field, value) in [("vendorID", profile.vendorID), ("productID", profile.productID)]
        where usbID(value) == nil {
            throw .invalidValue(
                file: file, field: field, value: quoted(value),
                rule: "must be 4 lowercase hex digits as lsusb prints them (e.g. \"0416\")")
        }
        let width = profile.paperWidthDots
        guard width > 0, width <= 832, width % 8 == 0 else {
            throw .invalidValue(
                file: file, field: "paperWidthDots", value: "\(width)",
                rule: "must be a multiple of 8 from 8 to 832 (384 for 58 mm, 576 for 80 mm)")
        }
        guard (1...2303).contains(profile.maxStripHeight) else {
            throw .invalidValue(
                file: file, field: "maxStripHeight", value: "\(profile.maxStripHeight)",
                rule: "must be 1…2303 rows (256 is safe for most printers)")
        }
        guard (0...255).contains(profile.lineSpacing) else {
            throw .invalidValue(
                file: file, field: "lineSpacing", value: "\(profile.lineSpacing)", rule: "must be 0…255 dots")
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
