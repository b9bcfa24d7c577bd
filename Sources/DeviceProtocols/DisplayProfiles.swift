public import Foundation

/// Loads and checks the counter-display profiles in `devices/displays/*.json`. Strict like `PrinterProfiles`:
/// a misspelt field or a checksum kind the code does not know is reported with the file and the field,
/// instead of a board silently showing garbage.
public enum DisplayProfiles {
    /// Every `*.json` file in `directory`, sorted by file name, validated, with unique ids.
    public static func load(directory: URL) throws(DisplayProfilesError) -> [DisplayProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .directoryUnreadable(directory.path, reason: error.localizedDescription)
        }
        var profiles: [DisplayProfile] = []
        var fileOfID: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name).path
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw .fileUnreadable(file, reason: error.localizedDescription)
            }
            let profile = try decode(data, file: file)
            if let other = fileOfID[profile.id] { throw .duplicateID(profile.id, file: file, otherFile: other) }
            fileOfID[profile.id] = file
            profiles.append(profile)
        }
        return profiles
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(DisplayProfilesError) -> DisplayProfile {
        let json: DisplayProfileReader.JSON
        do {
            json = try JSONDecoder().decode(DisplayProfileReader.JSON.self, from: data)
        } catch {
            throw .invalidJSON(file, reason: "\(error)")
        }
        guard case .object(let object) = json else {
            throw .invalidJSON(file, reason: "the top level must be an object { … }")
        }
        let profile = try read(DisplayProfileReader(file: file, path: "", object: object))
        try validate(profile, file: file)
        return profile
    }

    static func read(_ reader: DisplayProfileReader) throws(DisplayProfilesError) -> DisplayProfile {
        let kind: DisplayCommandSet = try reader.choice("kind")
        let common: Set<String> = ["id", "name", "kind", "serial", "notes"]
        try reader.onlyKeys(
            common.union(kind.isCharacterDisplay ? ["columns", "rows", "brightness"] : ["cells", "frame"]))
        let id = try reader.string("id")
        let name = try reader.string("name")
        let serial = try readSerial(reader.child("serial"))
        let notes = try reader.optionalString("notes")
        if kind.isCharacterDisplay {
            return DisplayProfile(
                id: id, name: name, kind: kind, columns: try reader.int("columns"), rows: try reader.int("rows"),
                brightness: try reader.optionalInt("brightness") ?? 4, serial: serial, notes: notes)
        }
        return DisplayProfile(
            id: id, name: name, kind: kind, columns: try reader.int("cells"), rows: 1, serial: serial,
            frame: try readFrame(reader.child("frame")), notes: notes)
    }

    static func readSerial(_ reader: DisplayProfileReader) throws(DisplayProfilesError) -> DisplaySerialSettings {
        try reader.onlyKeys(["baud", "dataBits", "parity", "stopBits"])
        return DisplaySerialSettings(
            baud: try reader.int("baud"), dataBits: try reader.optionalInt("dataBits") ?? 8,
            parity: try reader.choice("parity", default: DisplaySerialSettings.Parity.none),
            stopBits: try reader.optionalInt("stopBits") ?? 1)
    }
}
