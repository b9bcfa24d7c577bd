public import Foundation

/// A parsed JSON value, exact enough to check against a JSON Schema (a boolean is never a number).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
            return
        }
        // Each probe only ever fails with a type mismatch; anything else (bad bytes, a number out of range) is thrown.
        do {
            self = .bool(try container.decode(Bool.self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .number(try container.decode(Double.self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .string(try container.decode(String.self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .array(try container.decode([JSONValue].self))
            return
        } catch DecodingError.typeMismatch {}
        self = .object(try container.decode([String: JSONValue].self))
    }

    /// The value at a JSON pointer (`#/components/schemas/Error`, `/a/0`), or nil when there is none.
    public func resolve(pointer: String) -> JSONValue? {
        var tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if tokens.first == "#" || tokens.first == "" { tokens.removeFirst() }
        var value = self
        for token in tokens {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch value {
            case .object(let members):
                guard let member = members[key] else { return nil }
                value = member
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                value = items[index]
            default:
                return nil
            }
        }
        return value
    }

    /// `path` extended by one JSON-pointer reference token.
    public static func pointer(_ path: String, _ token: String) -> String {
        path + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The JSON Schema type names this value has: `integer` numbers are `number`s too.
    var typeNames: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(let number): number.rounded() == number && number.isFinite ? ["number", "integer"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    /// A short rendering for failure messages.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let string): return string.count > 40 ? "string “\(string.prefix(40))…”" : "string “\(string)”"
        case .array(let items): return "array of \(items.count)"
        case .object(let members): return "object {\(members.keys.sorted().joined(separator: ", "))}"
        }
    }
}

/// Checks JSON values against the JSON Schema 2020-12 subset that OpenAPI 3.1 documents use.
public struct JSONSchemaValidator: Sendable {
    /// One way a value breaks its schema: where in the value (JSON pointer), where in the schema, and why.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// JSON pointer into the checked value; empty for the whole value.
        public let instancePath: String
        /// JSON pointer into the schema document, ending at the keyword that failed.
        public let schemaPath: String
        public let message: String

        public var description: String {
            "at \(instancePath.isEmpty ? "/ (whole body)" : instancePath): \(message) [schema \(schemaPath)]"
        }
    }

    /// The document `$ref`s resolve in (the whole OpenAPI file).
    public let document: JSONValue
    /// Stricter than JSON Schema, for checking what a server sends: an object schema with `properties` but no
    /// `additionalProperties` admits no other member, and an object schema with neither documents nothing and
    /// fails. (Objects composed with `allOf` then need `additionalProperties` spelled out.)
    public let closedObjects: Bool

    public init(document: JSONValue, closedObjects: Bool = false) {
        self.document = document
        self.closedObjects = closedObjects
    }

    /// Keywords that only annotate; they never make a value invalid.
    static let annotations: Set<String> = [
        "title", "description", "examples", "example", "default", "format", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "$comment", "externalDocs",
    ]

    /// How many `$ref`s deep a check may go before it is taken for a reference loop.
    static let maximumDepth = 64

    /// Every failure of `value` against the schema at `schemaPointer` in the document; empty when it conforms.
    /// `$ref`s resolve inside the document. A keyword the validator does not know is itself a failure, so a
    /// schema cannot promise more than is checked; annotations (`description`, `format`, …) are ignored.
    public func validate(_ value: JSONValue, againstSchemaAt schemaPointer: String) -> [Failure] {
        guard let schema = document.resolve(pointer: schemaPointer) else {
            return [Failure(instancePath: "", schemaPath: schemaPointer, message: "no schema at this location")]
        }
        var failures: [Failure] = []
        check(value, at: "", against: schema, schemaPath: schemaPointer, depth: 0, into: &failures)
        return failures
    }

    private func check(
        _ value: JSONValue, at path: String, against schema: JSONValue, schemaPath: String, depth: Int,
        into failures: inout [Failure]
    ) {
        func fail(_ keyword: String, _ message: String, at instancePath: String? = nil) {
            failures.append(
                Failure(
                    instancePath: instancePath ?? path, schemaPath: keyword.isEmpty ? schemaPath : JSONValue.pointer(schemaPath, keyword),
                    message: message))
        }
        let keywords: [String: JSONValue]
        switch schema {
        case .bool(true): return
        case .bool(false): return fail("", "no value is allowed here, found \(value.summary)")
        case .object(let members): keywords = members
        default: return fail("", "a schema must be an object or a boolean")
        }
        guard depth <= Self.maximumDepth else { return fail("", "more than \(Self.maximumDepth) nested $refs: a reference loop?") }
        if closedObjects, case .object(let members) = value, keywords["additionalProperties"] == nil {
            if case .object(let properties)? = keywords["properties"] {
                for name in members.keys.sorted() where properties[name] == nil {
                    let message = "property “\(name)” is not documented (a response must document every member it sends)"
                    fail("properties", message, at: JSONValue.pointer(path, name))
                }
            } else if Self.strings(keywords["type"] ?? .null).contains("object") {
                fail("type", "an object schema with neither properties nor additionalProperties documents nothing")
            }
        }
        for keyword in keywords.keys.sorted() {
            let argument = keywords[keyword] ?? .null
            let here = JSONValue.pointer(schemaPath, keyword)
            switch (keyword, argument) {
            case ("$ref", .string(let reference)):
                guard reference.hasPrefix("#"), let target = document.resolve(pointer: reference) else {
                    fail(keyword, "cannot resolve $ref “\(reference)” in this document")
                    continue
                }
                check(value, at: path, against: target, schemaPath: reference, depth: depth + 1, into: &failures)
            case ("type", _):
                let allowed = Self.strings(argument)
                if value.typeNames.isDisjoint(with: allowed) {
                    fail(keyword, "expected \(allowed.joined(separator: " or ")), found \(value.summary)")
                }
            case ("enum", .array(let options)):
                if !options.contains(value) {
                    fail(keyword, "\(value.summary) is not one of \(options.map(\.summary).joined(separator: ", "))")
                }
            case ("const", _):
                if value != argument { fail(keyword, "expected exactly \(argument.summary), found \(value.summary)") }
            case ("properties", .object(let properties)):
                guard case .object(let members) = value else { continue }
                for name in properties.keys.sorted() {
                    guard let member = members[name], let property = properties[name] else { continue }
                    check(
                        member, at: JSONValue.pointer(path, name), against: property, schemaPath: JSONValue.pointer(here, name),
                        depth: depth, into: &failures)
                }
            case ("required", .array):
                guard case .object(let members) = value else { continue }
                for name in Self.strings(argument) where members[name] == nil {
                    fail(keyword, "required property “\(name)” is missing")
                }
            case ("additionalProperties", _):
                guard case .object(let members) = value else { continue }
                var documented: Set<String> = []
                if case .object(let properties)? = keywords["properties"] { documented = Set(properties.keys) }
                for name in members.keys.sorted() where !documented.contains(name) {
                    let memberPath = JSONValue.pointer(path, name)
                    if argument == .bool(false) {
                        fail(keyword, "property “\(name)” is not documented (additionalProperties is false)", at: memberPath)
                    } else if let member = members[name] {
                        check(member, at: memberPath, against: argument, schemaPath: here, depth: depth, into: &failures)
                    }
                }
            case ("items", _):
                guard case .array(let items) = value else { continue }
                for (index, item) in items.enumerated() {
                    check(
                        item, at: JSONValue.pointer(path, String(index)), against: argument, schemaPath: here, depth: depth, into: &failures
                    )
                }
            case ("minItems", .number(let bound)):
                if case .array(let items) = value, Double(items.count) < bound {
                    fail(keyword, "\(items.count) items, at least \(Int(bound)) needed")
                }
            case ("maxItems", .number(let bound)):
                if case .array(let items) = value, Double(items.count) > bound {
                    fail(keyword, "\(items.count) items, at most \(Int(bound)) allowed")
                }
            case ("minimum", .number(let bound)):
                if case .number(let number) = value, number < bound {
                    fail(keyword, "\(value.summary) is below the minimum \(argument.summary)")
                }
            case ("maximum", .number(let bound)):
                if case .number(let number) = value, number > bound {
                    fail(keyword, "\(value.summary) is above the maximum \(argument.summary)")
                }
            case ("exclusiveMinimum", .number(let bound)):
                if case .number(let number) = value, number <= bound { fail(keyword, "\(value.summary) is not above \(argument.summary)") }
            case ("exclusiveMaximum", .number(let bound)):
                if case .number(let number) = value, number >= bound { fail(keyword, "\(value.summary) is not below \(argument.summary)") }
            case ("minLength", .number(let bound)):
                if case .string(let string) = value, Double(string.unicodeScalars.count) < bound {
                    fail(keyword, "\(value.summary) is shorter than \(Int(bound)) characters")
                }
            case ("maxLength", .number(let bound)):
                if case .string(let string) = value, Double(string.unicodeScalars.count) > bound {
                    fail(keyword, "\(value.summary) is longer than \(Int(bound)) characters")
                }
            case ("pattern", .string(let pattern)):
                guard case .string(let string) = value else { continue }
                do {
                    let expression = try NSRegularExpression(pattern: pattern)
                    let range = NSRange(string.startIndex..., in: string)
                    if expression.firstMatch(in: string, range: range) == nil {
                        fail(keyword, "\(value.summary) does not match /\(pattern)/")
                    }
                } catch {
                    fail(keyword, "the pattern /\(pattern)/ does not compile: \(error)")
                }
            case ("allOf", .array(let branches)):
                for (index, branch) in branches.enumerated() {
                    check(
                        value, at: path, against: branch, schemaPath: JSONValue.pointer(here, String(index)), depth: depth, into: &failures)
                }
            case ("anyOf", .array(let branches)), ("oneOf", .array(let branches)):
                let outcomes = branches.enumerated().map { index, branch in
                    var branchFailures: [Failure] = []
                    check(
                        value, at: path, against: branch, schemaPath: JSONValue.pointer(here, String(index)), depth: depth,
                        into: &branchFailures)
                    return branchFailures
                }
                let passing = outcomes.indices.filter { outcomes[$0].isEmpty }
                if passing.isEmpty {
                    let reasons = outcomes.enumerated().map { index, failures in
                        "#\(index): " + (failures.first.map(\.description) ?? "")
                    }
                    fail(
                        keyword, "\(value.summary) matches none of the \(branches.count) alternatives (\(reasons.joined(separator: "; ")))")
                } else if keyword == "oneOf" && passing.count > 1 {
                    fail(
                        keyword,
                        "\(value.summary) matches alternatives \(passing.map(String.init).joined(separator: " and ")); exactly one must")
                }
            case ("not", _):
                var notFailures: [Failure] = []
                check(value, at: path, against: argument, schemaPath: here, depth: depth, into: &notFailures)
                if notFailures.isEmpty { fail(keyword, "\(value.summary) matches a schema it must not match") }
            case (let annotation, _) where Self.annotations.contains(annotation) || annotation.hasPrefix("x-"):
                continue
            default:
                fail(keyword, "unsupported keyword or argument “\(keyword)”: this validator cannot check it")
            }
        }
    }

    private static func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let string): [string]
        case .array(let items): items.compactMap { if case .string(let string) = $0 { string } else { nil } }
        default: []
        }
    }
}
