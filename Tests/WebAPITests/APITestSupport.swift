import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import NIOCore
import QueueCore
import QueueStore
import Testing
import WebAPI

/// Runs `body` against the hall's router with Hummingbird's in-process test client.
func withAPI(
    _ hall: TestHall, kiosk: KioskApp? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let app = (kiosk ?? hall.app()).application(settings: hall.settings, logger: Logger(label: "test"))
    try await app.testAgainstContract { client in try await body(client) }
}

/// Runs `body` against a real listening server (so the client address is the socket's, 127.0.0.1), with
/// `--trust-proxy` as given: loopback is the default trusted proxy, so `X-Forwarded-For` picks the client.
func withLiveAPI(
    _ hall: TestHall, trustProxy: Bool = true, _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    var settings = hall.settings
    settings.trustProxy = trustProxy
    let app = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        .application(settings: settings, logger: Logger(label: "test"))
    try await app.testAgainstContract(.live) { client in try await body(client) }
}

extension TestClientProtocol {
    func json(
        _ uri: String, _ method: HTTPRequest.Method = .get, token: String? = nil, body: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    func login(_ username: String, password: String = TestHall.password) async throws -> String {
        let response = try await json("/api/v1/auth/login", .post, body: #"{"username":"\#(username)","password":"\#(password)"}"#)
        #expect(response.status == .ok)
        return try #require(try response.object()["token"] as? String)
    }

    /// A sign-in attempt, from `address` when given (as a trusted proxy would forward it).
    func signIn(_ username: String, _ password: String, from address: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return try await json(
            "/api/v1/auth/login", .post, body: #"{"username":"\#(username)","password":"\#(password)"}"#, headers: headers)
    }
}

extension TestResponse {
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }

    func array() throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]])
    }

    func errorCode() throws -> String? {
        (try object()["error"] as? [String: Any])?["code"] as? String
    }

    func errorMessage() throws -> String? {
        (try object()["error"] as? [String: Any])?["message"] as? String
    }
}
