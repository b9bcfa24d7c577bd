import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTesting
import NIOCore
import Testing
import WebAPI

/// One error shape everywhere: `{"error": {"code", "message", "messageEn"}}`, with the right status.
@Suite("Error shape")
struct ErrorShapeTests {
    static func expectErrorShape(_ response: TestResponse, _ status: HTTPResponse.Status, _ code: String) throws {
        #expect(response.status == status)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let error = try #require(try response.object()["error"] as? [String: Any])
        #expect(error["code"] as? String == code)
        #expect(Set(error.keys) == ["code", "message", "messageEn"])
        #expect((error["message"] as? String)?.isEmpty == false)
        #expect((error["messageEn"] as? String)?.isEmpty == false)
    }

    /// A path served with other methods is 405 with `Allow`, not 404.
    @Test(
        arguments: [
            ("DELETE", "/api/v1/tickets", "POST"),
            ("GET", "/api/v1/tickets", "POST"),
            ("POST", "/api/v1/hall", "GET"),
            ("PUT", "/api/v1/tickets/12/recall", "POST"),
            ("GET", "/api/v1/admin/fields/dat-dai", "DELETE, PUT"),
            ("POST", "/api/v1/admin/users", nil),
            ("PATCH", "/api/v1/admin/users", "GET, POST"),
            ("DELETE", "/kiosk", "GET"),
        ] as [(String, String, String?)])
    func wrongMethodIs405WithAllow(method: String, path: String, allow: String?) async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let response = try await client.execute(
                uri: path, method: HTTPRequest.Method(method)!, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}"))
            guard let allow else {
                #expect(response.status != .methodNotAllowed)
                return
            }
            try Self.expectErrorShape(response, .methodNotAllowed, "method_not_allowed")
            #expect(response.headers[.allow] == allow)
            #expect(try response.errorMessage()?.contains(method) == true)
        }
    }

    @Test(arguments: [
        ("GET", "/api/v1/nope"), ("POST", "/api/v1/nope/deeper"), ("GET", "/api/"), ("GET", "/api/v1/tickets/1/nothing"),
        ("DELETE", "/api/v2/tickets"), ("GET", "/no-such-page"),
    ])
    func unknownPathIs404(method: String, path: String) async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let response = try await client.execute(uri: path, method: HTTPRequest.Method(method)!, headers: [:])
            try Self.expectErrorShape(response, .notFound, "not_found")
            #expect(response.headers[.allow] == nil)
        }
    }

    /// Hummingbird's own 400s (a path it refuses to map to a file) come out in the API's shape, as 400.
    @Test(arguments: ["/%zz", "/x/../kiosk.html"])
    func unreadablePathIs400InTheJSONShape(path: String) async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let response = try await client.execute(uri: path, method: .get, headers: [:])
            try Self.expectErrorShape(response, .badRequest, "bad_request")
        }
    }

    /// A body that does not decode names the field in Vietnamese and English (not Hummingbird's English text).
    @Test func undecodableBodyNamesTheFieldInBothLanguages() async throws {
        let hall = try await TestHall()
        try await withAPI(hall) { client in
            let missing = try await client.json("/api/v1/tickets", .post, body: #"{"priority":"none"}"#)
            try Self.expectErrorShape(missing, .unprocessableContent, "invalid_body")
            #expect(try missing.errorMessage() == "Dữ liệu gửi lên không hợp lệ: thiếu trường “field” / missing key 'field'")
            let wrongType = try await client.json("/api/v1/tickets", .post, body: #"{"field":12}"#)
            try Self.expectErrorShape(wrongType, .unprocessableContent, "invalid_body")
            #expect(try wrongType.errorMessage()?.contains("sai kiểu ở “field”") == true)
            let notJSON = try await client.json("/api/v1/tickets", .post, body: "field=dat-dai")
            #expect(try notJSON.errorMessage()?.contains("không phải JSON hợp lệ") == true)
        }
    }
}
