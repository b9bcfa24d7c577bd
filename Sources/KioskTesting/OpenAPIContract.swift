public import Foundation

/// The HTTP contract of `assets/openapi.json`, held against one response at a time.
public struct OpenAPIContract: Sendable {
    /// One way a response breaks the contract, phrased for the developer who must fix the spec or the server.
    public struct Violation: Error, Sendable, Equatable, CustomStringConvertible {
        /// The exchange, e.g. `POST /api/v1/tickets/42/call → 409 application/json`.
        public let exchange: String
        public let reason: String

        public var description: String { "\(exchange): \(reason)" }
    }

    /// What a checked response turned out to be: the documented operation and status it answered, if any.
    public struct Verdict: Sendable {
        /// `GET /api/v1/tickets/{id}` — the documented operation the request matched.
        public let operation: String?
        /// The response key that applied: `200`, `4XX` or `default`.
        public let documentedStatus: String?
        public let violations: [Violation]
    }

    public let document: JSONValue
    private let validator: JSONSchemaValidator
    /// Documented path templates split into segments; `nil` is a `{parameter}` segment.
    private let templates: [(template: String, segments: [String?])]

    public init(document: JSONValue) throws {
        guard case .object(let paths)? = document.resolve(pointer: "#/paths") else {
            throw Violation(exchange: "openapi.json", reason: "the document has no paths object")
        }
        self.document = document
        validator = JSONSchemaValidator(document: document, closedObjects: true)
        templates = paths.keys.sorted().map { template in
            (template, Self.segments(template).map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : $0 })
        }
    }

    public init(contentsOf url: URL) throws {
        try self.init(document: try JSONValue(parsing: try Data(contentsOf: url)))
    }

    private static let loaded = Result {
        try OpenAPIContract(contentsOf: TestHall.repositoryRoot.appendingPathComponent("assets/openapi.json"))
    }

    /// The repository's `assets/openapi.json`, read once per process.
    public static func repository() throws -> OpenAPIContract {
        try loaded.get()
    }

    /// Every documented operation as `METHOD /template`, for coverage counts.
    public var operations: [String] {
        templates.flatMap { template, _ in
            Self.methods.filter { document.resolve(pointer: Self.operationPointer(template, $0)) != nil }.map {
                "\($0.uppercased()) \(template)"
            }
        }
    }

    private static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// Checks one response: its path matches a documented template, the operation documents its status (or
    /// `default`) and content type, and a JSON body conforms to the schema. Objects are checked closed (see
    /// `JSONSchemaValidator.closedObjects`), so a member the server sends but the document omits is a violation.
    /// `path` is the concrete request target (a query string is ignored); `contentType` the Content-Type header.
    public func check(method: String, path: String, status: Int, contentType: String?, body: Data) -> Verdict {
        let target = String(path.prefix { $0 != "?" && $0 != "#" })
        let mediaType = contentType.map(Self.mediaType)
        let exchange = "\(method.uppercased()) \(target) → \(status)" + (mediaType.map { " \($0)" } ?? "")
        func verdict(_ reasons: [String], operation: String? = nil, status: String? = nil) -> Verdict {
            Verdict(
                operation: operation, documentedStatus: status,
                violations: reasons.map { Violation(exchange: exchange, reason: $0) })
        }
        // The document's general rules (info.description): an unknown path is 404 (400 when the target cannot be
        // read at all) and a known path with another method is 405, both in the shared error shape.
        guard let template = match(target) else {
            guard status == 404 || status == 400 else {
                return verdict(["no documented path matches \(target), so only 404 or 400 may answer"])
            }
            return verdict(checkContent(of: "#/components/responses/NotFound", mediaType: mediaType, body: body))
        }
        let operationPointer = Self.operationPointer(template, method.lowercased())
        guard document.resolve(pointer: operationPointer) != nil else {
            guard status == 405 else {
                return verdict(["\(template) documents no \(method.uppercased()) operation (\(operationPointer)), so only 405 may answer"])
            }
            return verdict(checkContent(of: "#/components/responses/MethodNotAllowed", mediaType: mediaType, body: body))
        }
        let operation = "\(method.uppercased()) \(template)"
        // With HTTPS on, the plain listener answers every staff operation 403 `https_required` and a staff page 308.
        if status == 403, Self.errorCode(body) == "https_required" {
            return verdict(checkContent(of: "#/components/responses/HTTPSRequired", mediaType: mediaType, body: body), operation: operation)
        }
        if status == 308, method.uppercased() == "GET", !target.hasPrefix("/api/") {
            return verdict(checkContent(of: "#/components/responses/HTTPSRedirect", mediaType: mediaType, body: body), operation: operation)
        }
        let responses = JSONValue.pointer(operationPointer, "responses")
        guard case .object(let documented)? = document.resolve(pointer: responses) else {
            return verdict(["the operation documents no responses (\(responses))"], operation: operation)
        }
        let code = String(status)
        let key = [code, "\(code.prefix(1))XX", "default"].first { documented[$0] != nil }
        guard let key else {
            let known = documented.keys.sorted().joined(separator: ", ")
            return verdict(["status \(status) is not documented (documented: \(known)) at \(responses)"], operation: operation)
        }
        let response = resolveReference(JSONValue.pointer(responses, key))
        return verdict(checkContent(of: response, mediaType: mediaType, body: body), operation: operation, status: key)
    }

    /// `error.code` of an error body, nil for any other body.
    static func errorCode(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],  // not an error body: nil
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["code"] as? String
    }

    /// The reasons a response body breaks the documented response at `response`.
    private func checkContent(of response: String, mediaType: String?, body: Data) -> [String] {
        let contentPointer = JSONValue.pointer(response, "content")
        guard case .object(let content)? = document.resolve(pointer: contentPointer), !content.isEmpty else {
            return body.isEmpty ? [] : ["\(body.count) body bytes, but \(response) documents no content"]
        }
        let documentedTypes = content.keys.sorted().joined(separator: ", ")
        guard let mediaType else {
            return ["no Content-Type header; \(contentPointer) documents \(documentedTypes)"]
        }
        let wildcard = mediaType.split(separator: "/").first.map { "\($0)/*" } ?? "*/*"
        guard let key = [mediaType, wildcard, "*/*"].first(where: { content[$0] != nil }) else {
            return ["content type \(mediaType) is not documented (documented: \(documentedTypes)) at \(contentPointer)"]
        }
        let schemaPointer = JSONValue.pointer(JSONValue.pointer(contentPointer, key), "schema")
        guard Self.isJSON(mediaType), document.resolve(pointer: schemaPointer) != nil else { return [] }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            return ["the body is not JSON (\(body.count) bytes): \(error)"]
        }
        return validator.validate(value, againstSchemaAt: schemaPointer).map(\.description)
    }

    /// The documented template a concrete path matches; literal segments beat `{parameters}` from the left.
    private func match(_ path: String) -> String? {
        let segments = Self.segments(path)
        let candidates = templates.filter { _, pattern in
            pattern.count == segments.count
                && zip(pattern, segments).allSatisfy { literal, segment in literal.map { $0 == segment } ?? !segment.isEmpty }
        }
        let best = candidates.max { left, right in
            left.segments.map { $0 != nil }.lexicographicallyPrecedes(right.segments.map { $0 != nil }) { !$0 && $1 }
        }
        return best?.template
    }

    /// Follows a `$ref` chain (an OpenAPI response may refer to `#/components/responses/…`) to the object it names.
    private func resolveReference(_ pointer: String) -> String {
        var pointer = pointer
        for _ in 0..<8 {
            guard case .string(let reference)? = document.resolve(pointer: JSONValue.pointer(pointer, "$ref")) else { break }
            pointer = reference
        }
        return pointer
    }

    private static func operationPointer(_ template: String, _ method: String) -> String {
        JSONValue.pointer(JSONValue.pointer("#/paths", template), method)
    }

    private static func segments(_ path: String) -> [String] {
        path.dropFirst(path.hasPrefix("/") ? 1 : 0).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    private static func mediaType(_ contentType: String) -> String {
        contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func isJSON(_ mediaType: String) -> Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}
