import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import Logging
import NIOCore
import QueueCore
import QueueStore
import Testing

@testable import WebAPI

/// `GET /metrics`: Prometheus text through swift-metrics, every series there from the start, exact counts after
/// a few tickets, and only for loopback and `--metrics-allow`.
@Suite("Metrics")
struct MetricsTests {
    static func app(_ hall: TestHall) async throws -> KioskApp {
        let catalog = try await hall.database.catalog()
        let metrics = HallMetrics(fields: catalog.fields.map(\.code), counters: catalog.counters.map(\.number))
        var settings = hall.settings
        settings.metrics = metrics
        let kiosk = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        metrics.observe(events: kiosk.events, database: hall.database)
        return kiosk
    }

    /// The sample lines (no comments) of an exposition.
    static func samples(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }

    @Test func everySeriesIsThereFromTheStartAtZero() async throws {
        let hall = try await TestHall()
        let kiosk = try await Self.app(hall)
        try await kiosk.application(settings: hall.settings, logger: Logger(label: "test")).testAgainstContract(.live) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let samples = Self.samples(String(buffer: response.body))
            for expected in [
                #"khongcho_tickets_issued_total{field="dat-dai"} 0"#, #"khongcho_tickets_issued_total{field="ho-tich"} 0"#,
                #"khongcho_tickets_called_total{counter="1"} 0"#, #"khongcho_waiting_tickets{field="dat-dai"} 0.0"#,
                #"khongcho_print_jobs_total{state="failed"} 0"#, "khongcho_login_failures_total 0", "khongcho_sse_clients 0.0",
                "khongcho_wait_seconds_count 0", #"khongcho_http_request_duration_seconds_count{route="/api/v1/tickets",status="201"} 0"#,
            ] {
                #expect(samples.contains(expected), "missing: \(expected)")
            }
            #expect(samples.contains { $0.hasPrefix("khongcho_db_commit_seconds_count ") })
        }
    }

    @Test func ticketsCallsAndFailedSignInsAreCountedExactly() async throws {
        let hall = try await TestHall()
        let kiosk = try await Self.app(hall)
        try await kiosk.application(settings: hall.settings, logger: Logger(label: "test")).testAgainstContract(.live) { client in
            for _ in 0..<2 { #expect(try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).status == .created) }
            hall.clock.advance(minutes: 4)
            let token = try await client.login("quay1")
            #expect(try await client.json("/api/v1/counters/1/next", .post, token: token).status == .ok)
            #expect(try await client.signIn("quay2", "wrong-password").status == .unauthorized)
            let samples = Self.samples(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            for expected in [
                #"khongcho_tickets_issued_total{field="dat-dai"} 2"#, #"khongcho_tickets_called_total{counter="1"} 1"#,
                #"khongcho_waiting_tickets{field="dat-dai"} 1.0"#, "khongcho_login_failures_total 1", "khongcho_wait_seconds_count 1",
                // Both waited 4 minutes: in the 300 s bucket, not the 120 s one.
                #"khongcho_wait_seconds_bucket{le="120.0"} 0"#, #"khongcho_wait_seconds_bucket{le="300.0"} 1"#,
                #"khongcho_http_request_duration_seconds_count{route="/api/v1/tickets",status="201"} 2"#,
                #"khongcho_http_request_duration_seconds_count{route="/api/v1/auth/login",status="401"} 1"#,
            ] {
                #expect(samples.contains(expected), "missing: \(expected)")
            }
            // Each ticket, the sign-in and the call committed at least once: every commit is timed.
            let commits = samples.first { $0.hasPrefix("khongcho_db_commit_seconds_count ") }
            #expect((commits?.split(separator: " ").last).flatMap { Int($0) } ?? 0 >= 4)
        }
    }

    @Test func onlyLoopbackAndAllowedBlocksMayRead() throws {
        let lan = try #require(CIDRBlock("192.168.1.0/24"))
        #expect(MetricsRoutes.allows(peer: "127.0.0.1", allowed: []))
        #expect(MetricsRoutes.allows(peer: "::1", allowed: []))
        #expect(MetricsRoutes.allows(peer: "::ffff:127.0.0.1", allowed: []))
        #expect(!MetricsRoutes.allows(peer: "192.168.1.20", allowed: []))
        #expect(MetricsRoutes.allows(peer: "192.168.1.20", allowed: [lan]))
        #expect(!MetricsRoutes.allows(peer: "192.168.2.20", allowed: [lan]))
        #expect(!MetricsRoutes.allows(peer: nil, allowed: [lan]))
    }
}
