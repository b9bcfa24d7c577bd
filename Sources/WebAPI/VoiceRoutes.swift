import Foundation
import Hall
import Hummingbird
import NIOCore
import QueueCore

/// The spoken call for the hall display: `GET /api/v1/voice/call.wav?label=A012&counter=3&lang=vi&recall=0`.
/// Public like the display itself: it says aloud what the screen already shows. Label and counter are
/// checked here (422), so only validated text ever reaches the synthesiser. Without a voice library or
/// without espeak-ng the answer is 503 with the reason, and the display stays text only.
struct VoiceRoutes {
    let library: VoiceLibrary?

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/voice/call.wav") { request, _ in
            let announcement = try Self.announcement(request.uri.queryParameters)
            guard let library else { return try Self.unavailable(.notConfigured) }
            do {
                let wav = try await library.wav(for: announcement)
                return Response(
                    status: .ok,
                    headers: [.contentType: "audio/wav", .cacheControl: "public, max-age=3600"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: wav)))
            } catch let error as VoiceError {
                return try Self.unavailable(error)
            }
        }
    }

    static func announcement(_ query: Parameters) throws -> CallAnnouncement {
        let label = query.get("label") ?? ""
        guard let counterText = query.get("counter"), let counter = Int(counterText) else {
            throw QueueError.invalid(
                "Thiếu hoặc sai tham số counter (số quầy 1–99).",
                "Missing or invalid query parameter 'counter' (a counter number 1–99).")
        }
        let languageText = query.get("lang") ?? "vi"
        guard let language = CallAnnouncement.Language(rawValue: languageText) else {
            throw QueueError.invalid(
                "Ngôn ngữ “\(languageText)” không hỗ trợ: dùng vi hoặc en.",
                "Language '\(languageText)' is not supported: use vi or en.")
        }
        let recallText = query.get("recall") ?? "0"
        guard recallText == "0" || recallText == "1" else {
            throw QueueError.invalid("Tham số recall phải là 0 hoặc 1.", "Query parameter 'recall' must be 0 or 1.")
        }
        return try CallAnnouncement(label: label, counter: counter, language: language, recall: recallText == "1")
    }

    /// 503 in the API's error shape, with the voice error's own code (e.g. `synthesiser_missing`).
    static func unavailable(_ error: VoiceError) throws -> Response {
        let detail = ["code": error.code.rawValue, "message": error.message, "messageEn": error.englishMessage]
        let data = try JSONCoding.encoder().encode(["error": detail])
        return Response(
            status: .serviceUnavailable,
            headers: [.contentType: "application/json; charset=utf-8", .retryAfter: "60"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
