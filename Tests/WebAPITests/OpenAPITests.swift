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

    @Test func documentIsOpenAPI31WithBearerAuth() async throws {
        let document = try Self.document()
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any]
        #expect(schemes?["bearerAuth"] != nil)
    }
}
