import Foundation

/// Reads one JSON object of a profile field by field, so every error names the file and the dotted field
/// path ("frame.checksum.kind"), in the words of the profile kind's own error type.
struct ProfileFields<Failure: ProfileError> {
    let file: String
    /// Where the object sits in the file, dotted; empty for the top level.
    let path: String
    let object: [String: ProfileJSON]

    /// The top-level object of a profile file; `file` only names it in errors.
    static func parse(_ data: Data, file: String) throws(Failure) -> Self {
        let json: ProfileJSON
        do {
            json = try JSONDecoder().decode(ProfileJSON.self, from: data)
        } catch {
            throw .notJSON(file: file, reason: "\(error)")
        }
        guard case .object(let object) = json else { throw .notAnObject(file: file) }
        return Self(file: file, path: "", object: object)
    }

    /// `key`'s full dotted name, as errors show it.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The fields in key order.
    var entries: [(key: String, value: ProfileJSON)] { object.sorted { $0.key < $1.key } }

    /// Rejects keys outside `allowed` (a probable misspelling), the first in key order.
    func onlyKeys(_ allowed: Set<String>) throws(Failure) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownField(file: file, field: name(unknown))
        }
    }

    /// The value of a field that must be there.
    func value(_ key: String) throws(Failure) -> ProfileJSON {
        guard let value = object[key] else { throw .missingField(file: file, field: name(key)) }
        return value
    }

    func string(_ key: String) throws(Failure) -> String {
        guard case .string(let text) = try value(key) else { throw wrongType(key, "một chuỗi", "a string") }
        return text
    }

    func optionalString(_ key: String) throws(Failure) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(Failure) -> Int {
        guard case .integer(let number) = try value(key) else { throw wrongType(key, "một số nguyên", "a whole number") }
        return number
    }

    func optionalInt(_ key: String) throws(Failure) -> Int? {
        has(key) ? try int(key) : nil
    }

    func bool(_ key: String) throws(Failure) -> Bool {
        guard case .bool(let flag) = try value(key) else { throw wrongType(key, "true hoặc false", "true or false") }
        return flag
    }

    /// A string that must be one of `T`'s raw values; `fallback` when the field is absent, if given.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T? = nil) throws(Failure) -> T
    where T.RawValue == String {
        if !has(key), let fallback { return fallback }
        let text = try string(key)
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw invalid(key, value: "\"\(text)\"", "phải là một trong \(names)", "must be one of \(names)")
        }
        return value
    }

    /// A nested object, read with the same file and a longer path.
    func child(_ key: String) throws(Failure) -> Self {
        guard case .object(let fields) = try value(key) else {
            throw wrongType(key, "một đối tượng { … }", "an object { … }")
        }
        return Self(file: file, path: name(key), object: fields)
    }

    /// The error for `key` holding the wrong kind of value.
    func wrongType(_ key: String, _ vietnamese: String, _ english: String) -> Failure {
        .wrongType(file: file, field: name(key), vietnamese: vietnamese, english: english)
    }

    /// The error for `key` holding `value` (as written), which breaks the rule stated in both languages.
    func invalid(_ key: String, value: String, _ vietnamese: String, _ english: String) -> Failure {
        .invalidValue(file: file, field: name(key), value: value, vietnamese: vietnamese, english: english)
    }
}
