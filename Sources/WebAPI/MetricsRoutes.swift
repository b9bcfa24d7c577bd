import Hall
import Hummingbird
import NIOCore

/// `GET /metrics`: Prometheus text for the machine that scrapes it — loopback, and the blocks of
/// `--metrics-allow` — judged by the socket's peer, never by `X-Forwarded-For`. Anyone else gets 403.
struct MetricsRoutes {
    let metrics: HallMetrics
    let allowed: [CIDRBlock]
    let devices: any DeviceDirectory
    let broadcaster: EventBroadcaster

    func register(on routes: RouteTable) {
        routes.add(.get, "/metrics") { _, context in
            guard Self.allows(peer: context.remoteAddress?.ipAddress, allowed: allowed) else { throw APIError.metricsRefused }
            let text = metrics.exposition(devices: await devices.devices(), sseClients: broadcaster.subscriberCount)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}

extension MetricsRoutes {
    /// Whether the socket peer may read the metrics: loopback or one of `allowed`.
    static func allows(peer: String?, allowed: [CIDRBlock]) -> Bool {
        guard let address = peer.flatMap({ IPAddress($0)?.unmapped }) else { return false }
        return (CIDRBlock.loopback + allowed).contains { $0.contains(address) }
    }
}

extension APIError {
    static let metricsRefused = APIError(
        .forbidden, .forbidden,
        "Chỉ máy này và các địa chỉ trong --metrics-allow được đọc số liệu /metrics.",
        "Only this machine and the addresses in --metrics-allow may read /metrics.")
}
