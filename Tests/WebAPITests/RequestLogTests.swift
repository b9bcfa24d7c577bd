import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import Logging
import NIOConcurrencyHelpers
import Testing
import WebAPI

/// One log line per request, with the route template instead of the raw path: tokens never reach the log.
@Suite("Request log")
struct RequestLogTests {
    /// Keeps every line logged through it.
    final class Lines: Sendable {
        let lines = NIOLockedValueBox<[(message: String, metadata: Logger.Metadata)]>([])
        var requests: [Logger.Metadata] { lines.withLockedValue { $0 }.filter { $0.message == "request" }.map(\.metadata) }
    }

    struct Collecting: LogHandler {
        let sink: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            sink.lines.withLockedValue { $0.append((event.message.description, metadata.merging(event.metadata ?? [:]) { $1 })) }
        }
    }

    @Test func everyRequestIsOneLineWithItsRouteTemplateAndNoSecrets() async throws {
        let hall = try await TestHall()
        let sink = Lines()
        let logger = Logger(label: "test") { _ in Collecting(sink: sink) }
        let app = hall.app().application(settings: hall.settings, logger: logger)
        let issuedToken = NIOLockedValueBox<String?>(nil)
        try await app.testAgainstContract { client in
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            let token = try #require(try issued.object()["token"] as? String)
            issuedToken.withLockedValue { $0 = token }
            _ = try await client.json("/api/v1/public/tickets/\(token)")
            _ = try await client.json("/api/v1/auth/login", .post, body: #"{"username":"quay1","password":"wrong-secret"}"#)
            _ = try await client.json("/api/v1/nowhere")
        }
        let lines = sink.requests
        #expect(
            lines.map { $0["route"]?.description } == [
                "/api/v1/tickets", "/api/v1/public/tickets/{token}", "/api/v1/auth/login", "NotFound",
            ])
        #expect(lines.map { $0["status"]?.description } == ["201", "200", "401", "404"])
        #expect(lines.map { $0["method"]?.description } == ["POST", "GET", "POST", "GET"])
        #expect(lines.allSatisfy { $0["hb.request.id"] != nil && Double($0["ms"]?.description ?? "") != nil })
        let everything = sink.lines.withLockedValue { $0 }.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("wrong-secret"))
        let token = try #require(issuedToken.withLockedValue { $0 })
        #expect(!everything.contains(token))
    }
}
