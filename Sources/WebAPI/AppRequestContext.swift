import Hall
public import Hummingbird
public import NIOCore
public import QueueStore
public import Foundation

/// Per-request data: who sent it (for rate limits) and who is signed in (for roles).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by `AuthenticationMiddleware` from a valid bearer token.
    public var user: User?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// JSON bodies here are small; anything larger is refused with 413 before it is read whole.
    public var maxUploadSize: Int { 64 * 1024 }

    public var requestDecoder: JSONDecoder { JSONCoding.decoder() }
    public var responseEncoder: JSONEncoder { JSONCoding.encoder() }
}
