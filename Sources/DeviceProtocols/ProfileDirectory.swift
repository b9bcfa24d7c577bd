import Foundation

/// The walk every profile kind shares: each `*.json` file of a directory in file-name order, decoded by
/// the kind, with ids unique across the files.
enum ProfileDirectory {
    /// `decode` reads one file (its data and path); `accept` may refuse a profile after its id was found
    /// unique, e.g. for another key that must be unique (a printer's USB id).
    static func load<Profile, Failure: ProfileError>(
        _ directory: URL, decode: (Data, String) throws(Failure) -> Profile, id: (Profile) -> String,
        accept: (Profile, String) throws(Failure) -> Void = { _, _ in }
    ) throws(Failure) -> [Profile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .directoryUnreadable(path: directory.path, reason: error.localizedDescription)
        }
        var profiles: [Profile] = []
        var fileOfID: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name).path
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw .fileUnreadable(file: file, reason: error.localizedDescription)
            }
            let profile = try decode(data, file)
            let profileID = id(profile)
            if let other = fileOfID[profileID] { throw .duplicateID(id: profileID, file: file, otherFile: other) }
            try accept(profile, file)
            fileOfID[profileID] = file
            profiles.append(profile)
        }
        return profiles
    }

    /// Whether `text` can be a profile id: not empty, only lowercase ASCII letters, digits and "-".
    static func isWellFormedID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
