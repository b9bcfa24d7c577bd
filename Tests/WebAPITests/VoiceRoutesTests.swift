import Foundation
import HTTPTypes
import Hall
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import QueueCore
import Testing

@testable import WebAPI

@Suite("Voice route")
struct VoiceRoutesTests {
    /// The voice route alone on a router with the API's error middleware, as KioskApp registers it.
    static func withVoice(
        _ library: VoiceLibrary?, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        let routes = RouteTable(router: router)
        VoiceRoutes(library: library).register(on: routes)
        #expect(routes.entries == [RouteTable.Entry(method: "get", path: "/api/v1/voice/call.wav")])
        try await Application(router: router, logger: Logger(label: "test")).testAgainstContract { client in
            try await body(client)
        }
    }

    @Test func servesTheCallAsWAV() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let synthesiser = CountingSynthesiser()
        let library = VoiceLibrary(directory: directory, synthesiser: synthesiser)
        try await Self.withVoice(library) { client in
            let response = try await client.json("/api/v1/voice/call.wav?label=B105&counter=21&lang=en&recall=1")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "audio/wav")
            let wav = try VoiceWAV(parsing: Data(response.body.readableBytesView))
            let expected = try await library.audio(
                for: CallAnnouncement(label: "B105", counter: 21, language: .english, recall: true))
            #expect(wav == expected)
            let vietnamese = try await client.json("/api/v1/voice/call.wav?label=A012&counter=3")
            #expect(vietnamese.status == .ok)
        }
        #expect(synthesiser.calls.contains("en:one hundred five"))
        #expect(synthesiser.calls.contains("vi:mười hai"))
    }

    @Test(arguments: [
        "label=A012", "label=A012&counter=0", "label=A012&counter=100", "label=A012&counter=ba",
        "label=a012&counter=3", "label=ABC1&counter=3", "label=A12345&counter=3", "counter=3",
        "label=%2E%2E%2Fx1&counter=3", "label=A012&counter=3&lang=fr", "label=A012&counter=3&recall=yes",
    ])
    func refusesBadParameters(query: String) async throws {
        let synthesiser = CountingSynthesiser()
        let library = VoiceLibrary(directory: temporaryVoiceDirectory(), synthesiser: synthesiser)
        try await Self.withVoice(library) { client in
            let response = try await client.json("/api/v1/voice/call.wav?\(query)")
            #expect(response.status == .unprocessableContent)
            #expect(try response.errorCode() == "invalid_input")
        }
        #expect(synthesiser.count == 0)
    }

    @Test func withoutEspeakOrLibraryIs503WithTheReason() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = VoiceLibrary(directory: directory, synthesiser: EspeakSynthesiser(executable: nil))
        try await Self.withVoice(library) { client in
            let response = try await client.json("/api/v1/voice/call.wav?label=A012&counter=3")
            #expect(response.status == .serviceUnavailable)
            #expect(try response.errorCode() == "synthesiser_missing")
            #expect(try response.errorMessage()?.contains("espeak-ng") == true)
        }
        try await Self.withVoice(nil) { client in
            let response = try await client.json("/api/v1/voice/call.wav?label=A012&counter=3")
            #expect(response.status == .serviceUnavailable)
            #expect(try response.errorCode() == "not_configured")
        }
    }
}
