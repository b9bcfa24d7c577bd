import Configuration
import Foundation
import SystemPackage
import Yams

/// `serve`'s settings from a file: `--config FILE`, else `/etc/khongcho/khongcho.yaml` when it exists. YAML or
/// JSON (by extension), read through swift-configuration; each key is a `serve` option's long name
/// (`port: 8080`, `trusted-proxy: [10.0.0.0/8]`, `demo-accounts: true`). The file's settings go on the command
/// line before the given flags, so a flag given by hand wins (a repeatable option adds to the file's list). An
/// unknown key, a malformed file or a value of the wrong kind stops `serve` with the file and the key named.
enum ServeConfigFile {
    static let defaultPath = "/etc/khongcho/khongcho.yaml"

    /// How an option takes its value.
    enum Kind {
        case value, list, flag
    }

    /// Every `serve` option a file may set (`ServeConfigFileTests` holds this to `serve --help`).
    static let options: [String: Kind] = [
        "data": .value, "host": .value, "port": .value, "assets": .value, "devices": .value, "issue-rate-limit": .value,
        "public-url": .value, "devices-directory": .value, "simulated-printer": .value, "print-deadline": .value,
        "hid-keypads": .value, "max-consecutive-priority": .value, "header-timeout": .value, "idle-timeout": .value,
        "max-connections-per-client": .value, "max-connections": .value, "backup-at": .value, "backup-keep-daily": .value,
        "backup-keep-monthly": .value, "tls-cert": .value, "tls-key": .value, "tls-port": .value, "now": .value, "trusted-proxy": .list,
        "sms-modem": .value, "sms-profile": .value, "province": .value, "centre": .value,
        "kiosk-printer": .list, "display": .list,
        "metrics-allow": .list, "trust-proxy": .flag, "demo-accounts": .flag,
    ]

    /// A settings file that cannot be used, with what to fix.
    struct Problem: Error, CustomStringConvertible {
        let path: String
        let detail: String
        var description: String {
            "Tệp cấu hình \(path) không dùng được: \(detail). Hãy sửa tệp (hoặc bỏ --config).\n"
                + "The settings file \(path) cannot be used: \(detail). Fix the file (or drop --config)."
        }
    }

    /// The command line with the settings file's options put in front of `serve`'s own, when it runs `serve`.
    static func expand(_ arguments: [String], subcommands: Set<String>) async throws -> [String] {
        var rest = arguments
        if let first = rest.first {
            if first == "serve" { rest.removeFirst() } else if subcommands.contains(first) || !first.hasPrefix("-") { return arguments }
        }
        if rest.contains(where: { ["-h", "--help", "--version"].contains($0) }) { return arguments }
        guard let path = configPath(in: rest) else { return ["serve"] + rest }
        return ["serve"] + (try await options(from: path)) + rest
    }

    static func configPath(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil
    }

    /// The file's settings as `serve` options.
    static func options(from path: String) async throws -> [String] {
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Problem(path: path, detail: "không đọc được tệp / the file cannot be read")
        }
        guard try checkKeys(text, path: path) else { return [] }  // only comments: nothing set
        let reader: ConfigReader
        do {
            if path.hasSuffix(".json") {
                reader = ConfigReader(provider: try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
            } else {
                reader = ConfigReader(provider: try await FileProvider<YAMLSnapshot>(filePath: FilePath(path)))
            }
        } catch {
            throw Problem(path: path, detail: "\(error)")
        }
        var arguments: [String] = []
        for (key, kind) in options.sorted(by: { $0.key < $1.key }) {
            switch kind {
            case .flag:
                guard let on = reader.bool(forKey: ConfigKey(key)) ?? textValue(reader, key).flatMap(Bool.init) else {
                    if textValue(reader, key) != nil {
                        throw Problem(path: path, detail: "“\(key)” cần true hoặc false / must be true or false")
                    }
                    continue
                }
                if on { arguments.append("--\(key)") }
            case .value:
                if let value = textValue(reader, key) { arguments += ["--\(key)", value] }
            case .list:
                let configKey = ConfigKey(key)
                var values: [String] = reader.stringArray(forKey: configKey) ?? []
                if values.isEmpty, let numbers = reader.intArray(forKey: configKey) { values = numbers.map { String($0) } }
                if values.isEmpty, let single = textValue(reader, key) { values = [single] }
                for value in values { arguments += ["--\(key)", value] }
            }
        }
        return arguments
    }

    /// A scalar as text, whatever its kind in the file (YAML scalars are text; JSON numbers and booleans are not).
    static func textValue(_ reader: ConfigReader, _ key: String) -> String? {
        let configKey = ConfigKey(key)
        if let text = reader.string(forKey: configKey) { return text }
        if let number = reader.int(forKey: configKey) { return String(number) }
        if let number = reader.double(forKey: configKey) { return String(number) }
        if let flag = reader.bool(forKey: configKey) { return String(flag) }
        return nil
    }

    /// The file must be one mapping of known keys: a typo must not silently leave a default in force. False when
    /// the file sets nothing (empty, or comments only).
    static func checkKeys(_ text: String, path: String) throws -> Bool {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw Problem(path: path, detail: "không phải YAML/JSON hợp lệ / not valid YAML or JSON (\(error))")
        }
        guard let document else { return false }
        guard let mapping = document as? [String: Any] else {
            throw Problem(path: path, detail: "cần các cặp khoá: giá trị ở cấp ngoài cùng / expected key: value pairs at the top level")
        }
        let unknown = mapping.keys.filter { options[$0] == nil }.sorted()
        guard unknown.isEmpty else {
            throw Problem(
                path: path,
                detail:
                    "khoá không biết / unknown keys \(unknown.joined(separator: ", ")); dùng tên tuỳ chọn của serve / use serve's option names"
            )
        }
        return !mapping.isEmpty
    }
}
