import Foundation
import Hall
import KioskTesting
import Testing
import WebAPI

@Suite("OpenAPI document")
struct OpenAPITests {
    static func document() throws -> [String: Any] {
        let url = TestHall.repositoryAssets.appendingPathComponent("openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Every served route is documented, and every documented route is served.
    @Test func documentMatchesTheRouteTable() async throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
        let documented = Set(
            paths.flatMap { path, operations in
                operations.keys.filter(methods.contains).map { RouteTable.Entry(method: $0, path: path) }
            })
        let entries = try await TestHall().app().routeTable.entries
        let served = Set(entries)
        #expect(served.count == entries.count, "a route is registered twice")
        #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented))")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served))")
    }

    /// API tests reach the server only through `testAgainstContract`, so every response they see is checked.
    @Test func everyAPITestRunsItsRequestsThroughTheContract() throws {
        let directory = TestHall.repositoryRoot.appendingPathComponent("Tests/WebAPITests")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("ContractCheckedClient.swift"))
        let exempt: Set = ["ContractCheckedClient.swift", URL(fileURLWithPath: #filePath).lastPathComponent]
        for file in files where !exempt.contains(file) {
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(!source.contains(".test(."), "\(file) runs an application without testAgainstContract")
        }
    }

    @Test func documentIsOpenAPI31WithBearerAuth() async throws {
        let document = try Self.document()
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any]
        #expect(schemes?["bearerAuth"] != nil)
    }
}

/// The contract checker fails loudly, and says where, for each way a response can drift from the document.
@Suite("OpenAPI contract checks")
struct OpenAPIContractTests {
    static func check(
        _ method: String = "GET", _ path: String, _ status: Int, _ body: String, contentType: String? = "application/json; charset=utf-8"
    ) throws -> OpenAPIContract.Verdict {
        try OpenAPIContract.repository().check(method: method, path: path, status: status, contentType: contentType, body: Data(body.utf8))
    }

    static let error = #"{"error":{"code":"unknown_ticket","message":"Không có phiếu.","messageEn":"No such ticket."}}"#

    @Test func aConformingResponseMatchesItsTemplatedOperation() throws {
        let verdict = try Self.check("POST", "/api/v1/tickets/42/serve", 404, Self.error)
        #expect(verdict.violations.isEmpty)
        #expect(verdict.operation == "POST /api/v1/tickets/{id}/serve")
        #expect(verdict.documentedStatus == "404")
        #expect(try Self.check("GET", "/api/v1/health?verbose=1", 200, #"{"status":"ok","parts":[]}"#).violations.isEmpty)
    }

    @Test func aWrongTypeIsReportedWithBothPointers() throws {
        let body = #"{"error":{"code":42,"message":"Không có phiếu.","messageEn":"No such ticket."}}"#
        let violations = try Self.check("POST", "/api/v1/tickets/42/serve", 404, body).violations.map(\.description)
        #expect(violations.count == 1)
        let message = try #require(violations.first)
        #expect(message.hasPrefix("POST /api/v1/tickets/42/serve → 404 application/json: at /error/code: expected string, found 42"))
        #expect(message.contains("[schema #/components/schemas/Error/properties/error/properties/code/type]"))
    }

    @Test func aMissingRequiredFieldIsReported() throws {
        let body = #"{"error":{"code":"unknown_ticket","message":"Không có phiếu."}}"#
        let violations = try Self.check("POST", "/api/v1/tickets/42/serve", 404, body).violations.map(\.reason)
        #expect(
            violations == [
                "at /error: required property “messageEn” is missing [schema #/components/schemas/Error/properties/error/required]"
            ])
    }

    @Test func anUndocumentedPropertyOrEnumValueIsReported() throws {
        let reasons = try Self.check("GET", "/api/v1/health", 200, #"{"status":"tired","parts":[],"uptime":3}"#).violations.map(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.contains { $0.hasPrefix("at /status: string “tired” is not one of string “ok”") })
        #expect(reasons.contains { $0.hasPrefix("at /uptime: property “uptime” is not documented (additionalProperties is false)") })
    }

    @Test func anUndocumentedStatusIsReported() throws {
        let verdict = try Self.check("GET", "/api/v1/health", 418, Self.error)
        #expect(verdict.operation == "GET /api/v1/health")
        #expect(
            verdict.violations.map(\.reason) == [
                "status 418 is not documented (documented: 200) at #/paths/~1api~1v1~1health/get/responses"
            ])
    }

    @Test func anUnknownPathOrMethodIsReported() throws {
        let unknown = try Self.check("GET", "/api/v1/nowhere/7", 200, "{}")
        #expect(unknown.operation == nil)
        #expect(
            unknown.violations.map(\.description) == [
                "GET /api/v1/nowhere/7 → 200 application/json: no documented path matches /api/v1/nowhere/7, so only 404 or 400 may answer"
            ])
        let method = try Self.check("DELETE", "/api/v1/health", 200, "{}")
        #expect(
            method.violations.map(\.reason) == [
                "/api/v1/health documents no DELETE operation (#/paths/~1api~1v1~1health/delete), so only 405 may answer"
            ])
    }

    /// The general rules hold for what no operation lists: 404/400 and 405 in the shared error shape, nothing else.
    @Test func theGeneralErrorsAnswerUnknownPathsAndMethods() throws {
        let error = #"{"error":{"code":"not_found","message":"Không có","messageEn":"None"}}"#
        #expect(try Self.check("GET", "/api/v1/nowhere/7", 404, error).violations.isEmpty)
        #expect(try Self.check("DELETE", "/api/v1/health", 405, error).violations.isEmpty)
        let loose = try Self.check("GET", "/api/v1/nowhere/7", 404, #"{"message":"gone"}"#)
        #expect(loose.violations.isEmpty == false)
    }

    @Test func anUndocumentedContentTypeOrBodyIsReported() throws {
        let html = try Self.check("GET", "/api/v1/health", 200, "<p>ok</p>", contentType: "text/html")
        #expect(
            html.violations.map(\.reason).first?.hasPrefix("content type text/html is not documented (documented: application/json)")
                == true)
        let notJSON = try Self.check("GET", "/api/v1/health", 200, "ok")
        #expect(notJSON.violations.map(\.reason).first?.hasPrefix("the body is not JSON (2 bytes)") == true)
        let bodyOn204 = try Self.check("POST", "/api/v1/auth/logout", 204, "{}")
        #expect(bodyOn204.violations.map(\.reason).first?.hasPrefix("2 body bytes, but") == true)
        #expect(try Self.check("POST", "/api/v1/auth/logout", 204, "", contentType: nil).violations.isEmpty)
    }

    /// The schema keywords beyond the error shape: `$ref`, type lists with null, oneOf, bounds, and a keyword
    /// the checker does not know, which must fail rather than pass unchecked.
    @Test func schemaKeywordsOnASmallDocument() throws {
        let document = try JSONValue(
            parsing: Data(
                #"""
                {"components":{"schemas":{
                  "Count":{"type":["integer","null"],"minimum":0,"maximum":9},
                  "Pair":{"type":"array","items":{"$ref":"#/components/schemas/Count"},"minItems":2},
                  "Either":{"oneOf":[{"type":"string","pattern":"^[A-Z][0-9]{3}$"},{"const":7}]},
                  "Odd":{"type":"string","uniqueWords":true}
                }}}
                """#.utf8))
        let validator = JSONSchemaValidator(document: document)
        func failures(_ json: String, _ schema: String) throws -> [String] {
            validator.validate(try JSONValue(parsing: Data(json.utf8)), againstSchemaAt: "#/components/schemas/\(schema)").map(
                \.description)
        }
        #expect(try failures("[null, 3]", "Pair").isEmpty)
        #expect(
            try failures("[1.5, 12]", "Pair") == [
                "at /0: expected integer or null, found 1.5 [schema #/components/schemas/Count/type]",
                "at /1: 12 is above the maximum 9 [schema #/components/schemas/Count/maximum]",
            ])
        #expect(try failures("[true]", "Pair").count == 2)
        #expect(try failures(#""A012""#, "Either").isEmpty)
        #expect(try failures("7", "Either").isEmpty)
        let neither = try failures(#""a12""#, "Either")
        #expect(neither.first?.hasPrefix("at / (whole body): string “a12” matches none of the 2 alternatives") == true)
        #expect(
            try failures(#""A012""#, "Odd") == [
                "at / (whole body): unsupported keyword or argument “uniqueWords”: this validator cannot check it [schema #/components/schemas/Odd/uniqueWords]"
            ])
        #expect(try failures("1", "Missing") == ["at / (whole body): no schema at this location [schema #/components/schemas/Missing]"])
    }

    /// Plain JSON Schema lets an object carry members its schema never names; the contract does not, so a field the
    /// server adds without documenting it fails, and so does an object schema that lists nothing.
    @Test func responsesAreCheckedWithClosedObjects() throws {
        let document = try JSONValue(
            parsing: Data(
                #"""
                {"Named":{"type":"object","properties":{"a":{"type":"integer"}}},
                 "Map":{"type":"object","additionalProperties":{"type":"integer"}},
                 "Vague":{"type":"object"}}
                """#.utf8))
        let extra = try JSONValue(parsing: Data(#"{"a":1,"b":2}"#.utf8))
        #expect(JSONSchemaValidator(document: document).validate(extra, againstSchemaAt: "#/Named").isEmpty)
        let closed = JSONSchemaValidator(document: document, closedObjects: true)
        #expect(
            closed.validate(extra, againstSchemaAt: "#/Named").map(\.description) == [
                "at /b: property “b” is not documented (a response must document every member it sends) [schema #/Named/properties]"
            ])
        #expect(closed.validate(extra, againstSchemaAt: "#/Map").isEmpty)
        #expect(
            closed.validate(extra, againstSchemaAt: "#/Vague").map(\.description) == [
                "at / (whole body): an object schema with neither properties nor additionalProperties documents nothing [schema #/Vague/type]"
            ])
    }
}
