public import Hummingbird
public import NIOCore

/// Per-request data of the province app: the client's address (sign-in throttling) and the signed-in account.
public struct ProvinceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address as the throttle keys it ("unknown" without a socket, in-process tests).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// Sign-in bodies are tiny.
    public var maxUploadSize: Int { 16 * 1024 }
}
