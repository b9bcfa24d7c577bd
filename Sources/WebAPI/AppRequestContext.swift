public import Foundation
import Hall
public import Hummingbird
public import NIOCore
import QueueCore
public import QueueStore

/// Per-request data: who sent it (for rate limits, throttling, the audit log) and who is signed in (for roles).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The local port the request came in on (which listener: HTTP or HTTPS); nil without a socket (in-process tests).
    public let listenerPort: Int?
    /// The client's address: the socket peer, or the forwarded client behind a trusted proxy (`ClientAddress`).
    public var clientAddress: String
    /// Set by `AuthenticationMiddleware` from a valid bearer token.
    public var user: User?
    /// The `Authorization` header as `AuthenticationMiddleware` parsed it.
    var credential = BearerCredential.absent

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        listenerPort = source.channel.localAddress?.port
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// JSON bodies here are small; anything larger is refused with 413 before it is read whole.
    public var maxUploadSize: Int { 64 * 1024 }

    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }
    public var responseEncoder: JSONEncoder { JSONCoding.encoder() }
}

/// Reads JSON bodies with the API's decoder; a body that does not decode is `422 invalid_body` saying, in
/// Vietnamese and English, which field is missing or wrong (Hummingbird's own decoder answers in English only).
public struct APIRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONCoding.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalidBody(decoding: error)
        }
    }
}

extension Request {
    /// The JSON body as `T`, or `nil` when the request has no body (routes where a body is optional).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T? {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONCoding.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalidBody(decoding: error)
        }
    }
}

/// Query parameters validated at the boundary, with errors that say what was expected.
extension Request {
    /// A `YYYY-MM-DD` service day, or `fallback` when absent.
    func day(_ name: String, default fallback: String) throws -> String {
        guard let text = uri.queryParameters.get(name) else { return fallback }
        guard let day = DayKey(iso: text) else {
            throw QueueError.invalid(
                "Tham số \(name)=“\(text)” phải là ngày dạng YYYY-MM-DD.", "'\(name)=\(text)' must be a YYYY-MM-DD date.")
        }
        return day.iso
    }

    func optionalInt(_ name: String) throws -> Int? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = Int(text) else {
            throw QueueError.invalid("Tham số \(name)=“\(text)” phải là số nguyên.", "'\(name)=\(text)' must be an integer.")
        }
        return value
    }
}
