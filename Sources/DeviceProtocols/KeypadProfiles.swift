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
