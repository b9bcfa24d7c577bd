import Foundation
public import Hall
import Metrics
public import Prometheus
import QueueCore
public import QueueStore

/// The hall's Prometheus metrics, recorded through swift-metrics into a registry of its own (no global
/// bootstrap, so each server or test has its own) and served as text by `GET /metrics`. Every series named in
/// the README exists from the start at 0: the fields' and counters' series for the catalog at start, print-job
/// states, and the two routes a hall cannot run without.
public final class HallMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init(fields: [String], counters: [Int]) {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Waits are minutes long; requests and commits milliseconds.
        factory.durationHistogramBuckets["khongcho_wait_seconds"] = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200]
            .map { Duration.seconds($0) }
        let fast: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000].map { Duration.milliseconds($0) }
        factory.durationHistogramBuckets["khongcho_http_request_duration_seconds"] = fast
        factory.durationHistogramBuckets["khongcho_db_commit_seconds"] = fast
        self.factory = factory
        for field in fields {
            _ = Counter(label: "khongcho_tickets_issued_total", dimensions: [("field", field)], factory: factory)
            Gauge(label: "khongcho_waiting_tickets", dimensions: [("field", field)], factory: factory).record(0)
        }
        for counter in counters {
            _ = Counter(label: "khongcho_tickets_called_total", dimensions: [("counter", "\(counter)")], factory: factory)
        }
        for state in ["queued", "printed", "failed"] {
            _ = Counter(label: "khongcho_print_jobs_total", dimensions: [("state", state)], factory: factory)
        }
        for (route, status) in [("/api/v1/tickets", "201"), ("/api/v1/health", "200")] {
            _ = Timer(
                label: "khongcho_http_request_duration_seconds", dimensions: [("route", route), ("status", status)], factory: factory)
        }
        _ = Timer(label: "khongcho_wait_seconds", factory: factory)
        _ = Timer(label: "khongcho_db_commit_seconds", factory: factory)
        _ = Counter(label: "khongcho_login_failures_total", factory: factory)
        Gauge(label: "khongcho_sse_clients", factory: factory).record(0)
    }

    /// Follows the hall: committed ticket events, commits and print jobs of `database`.
    public func observe(events: HallEventHub, database: AppDatabase) {
        events.subscribe { [weak self] event in
            guard let self, case .tickets(let published) = event else { return }
            for event in published { self.record(event) }
        }
        database.activity.onCommit { [weak self] duration in
            guard let self else { return }
            Timer(label: "khongcho_db_commit_seconds", factory: self.factory).recordNanoseconds(Self.nanoseconds(duration))
        }
        database.activity.onPrintJob { [weak self] state in
            guard let self else { return }
            Counter(label: "khongcho_print_jobs_total", dimensions: [("state", state)], factory: self.factory).increment()
        }
    }

    func record(_ event: PublishedEvent) {
        switch event.kind {
        case .issued:
            Counter(label: "khongcho_tickets_issued_total", dimensions: [("field", event.ticket.field)], factory: factory).increment()
        case .called:
            if let counter = event.counter {
                Counter(label: "khongcho_tickets_called_total", dimensions: [("counter", "\(counter)")], factory: factory).increment()
            }
            let waited = max(0, event.at.timeIntervalSince(event.ticket.issuedAt))
            Timer(label: "khongcho_wait_seconds", factory: factory).recordNanoseconds(Int64(waited * 1e9))
        default: break
        }
        for (field, waiting) in event.waiting {
            Gauge(label: "khongcho_waiting_tickets", dimensions: [("field", field)], factory: factory).record(waiting)
        }
    }

    func request(route: String, status: Int, duration: Duration) {
        Timer(label: "khongcho_http_request_duration_seconds", dimensions: [("route", route), ("status", "\(status)")], factory: factory)
            .recordNanoseconds(Self.nanoseconds(duration))
    }

    /// Province replication as it stands: facts not yet applied by the province, seconds behind, failures so far.
    public func replication(backlog: Int64, lagSeconds: Double, failures: Int) {
        Gauge(label: "khongcho_province_backlog", factory: factory).record(backlog)
        Gauge(label: "khongcho_province_lag_seconds", factory: factory).record(lagSeconds)
        Gauge(label: "khongcho_province_failures", factory: factory).record(failures)
    }

    func loginFailed() {
        Counter(label: "khongcho_login_failures_total", factory: factory).increment()
    }

    /// The exposition text, with the gauges read at scrape time (devices, live streams) brought up to date.
    func exposition(devices: [DeviceInfo], sseClients: Int) -> [UInt8] {
        for device in devices {
            Gauge(label: "khongcho_device_connected", dimensions: [("kind", device.kind.rawValue), ("id", device.id)], factory: factory)
                .record(device.status == .ok ? 1 : 0)
        }
        Gauge(label: "khongcho_sse_clients", factory: factory).record(sseClients)
        return registry.emitToBuffer()
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
