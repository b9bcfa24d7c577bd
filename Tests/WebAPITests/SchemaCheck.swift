import Foundation

/// A small JSON Schema checker for the subset `assets/openapi.json` uses (`$ref`, `type`, `properties`,
/// `required`, `additionalProperties`, `items`, `enum`, `minimum`, `maximum`, `minLength`, `minItems`), so a
/// test can hold a payload to its documented schema. Returns the problems found, each with its JSON path.
struct SchemaCheck {
    let document: [String: Any]

    func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let resolved = resolve(reference) else { return ["\(path): unknown $ref \(reference)"] }
            return problems(value, against: resolved, at: path)
        }
        var found: [String] = []
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            return ["\(path): expected \(type), got \(value)"]
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(choices)")
        }
        if let number = value as? NSNumber {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { found.append("\(path): above \(maximum)") }
        }
        if let text = value as? String, let minLength = schema["minLength"] as? Int, text.count < minLength {
            found.append("\(path): shorter than \(minLength)")
        }
        if let array = value as? [Any] {
            if let minItems = schema["minItems"] as? Int, array.count < minItems { found.append("\(path): fewer than \(minItems) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += problems(item, against: items, at: "\(path)[\(index)]") }
            }
        }
        if let object = value as? [String: Any] { found += objectProblems(object, schema, path) }
        return found
    }

    private func objectProblems(_ object: [String: Any], _ schema: [String: Any], _ path: String) -> [String] {
        var found: [String] = []
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil {
            found.append("\(path): missing required '\(key)'")
        }
        for (key, item) in object {
            if let property = properties[key] {
                found += problems(item, against: property, at: "\(path).\(key)")
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                found += problems(item, against: extra, at: "\(path).\(key)")
            } else if (schema["additionalProperties"] as? Bool) == false {
                found.append("\(path): undocumented property '\(key)'")
            }
        }
        return found
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": value is Bool
        case "integer": (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": value is NSNumber
        case "null": value is NSNull
        default: true
        }
    }
}
