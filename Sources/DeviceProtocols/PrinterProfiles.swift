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
