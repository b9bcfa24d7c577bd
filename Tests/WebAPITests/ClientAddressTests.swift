import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import QueueStore
import Testing

@testable import WebAPI

@Suite("Client address behind proxies")
struct ClientAddressTests {
    @Test func addressesParseStrictly() throws {
        for text in ["0.0.0.0", "255.255.255.255", "10.0.0.1"] { #expect(IPAddress(text)?.description == text) }
        let canonical = [
            "::": "::", "::1": "::1", "0:0:0:0:0:0:0:1": "::1", "2001:DB8:0:0:0:0:0:1": "2001:db8::1", "fe80::1%eth0": "fe80::1",
            "1:0:0:2:0:0:0:3": "1:0:0:2::3", "1:0:2:0:3:0:4:0": "1:0:2:0:3:0:4:0", "1:2:3:4:5:6:7:8": "1:2:3:4:5:6:7:8", "1::": "1::",
            "::ffff:192.0.2.1": "::ffff:c000:201", "2001:db8::8a2e:370:7334": "2001:db8::8a2e:370:7334",
        ]
        for (text, form) in canonical { #expect(IPAddress(text)?.description == form, "\(text)") }
        #expect(IPAddress("::ffff:192.0.2.1")?.unmapped.description == "192.0.2.1")
        #expect(IPAddress("::1")?.unmapped.description == "::1")
        let invalid = [
            "", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "a.b.c.d", "1.2.3.4/8", ":::",
            "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7", "::ffff:1.2.3", "fe80::1%", "1.2.3.4::",
            "::1:2:3:4:5:6:7:8",
            "[::1]", "١.٢.٣.٤",
        ]
        for text in invalid { #expect(IPAddress(text) == nil, "\(text.debugDescription)") }
    }

    func address(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

    func block(_ text: String) throws -> CIDRBlock { try #require(CIDRBlock(text)) }

    @Test func cidrBlocksParseAndMatch() throws {
        let inside = [
            ("10.0.0.0/8", "10.255.1.2"), ("192.168.1.0/24", "192.168.1.200"), ("172.16.0.0/12", "172.31.255.255"),
            ("0.0.0.0/0", "203.0.113.9"), ("::1", "::1"), ("fd00::/8", "fd12:3456::1"), ("2001:db8::/32", "2001:db8:ffff::1"),
            ("127.0.0.0/8", "::ffff:127.0.0.1"),
        ]
        for (cidr, ip) in inside { #expect(try block(cidr).contains(address(ip)), "\(ip) in \(cidr)") }
        let outside = [
            ("10.0.0.0/8", "11.0.0.1"), ("10.0.0.0/8", "::1"), ("192.168.1.0/24", "192.168.2.1"), ("172.16.0.0/12", "172.32.0.0"),
            ("::1", "::2"), ("fd00::/8", "fe80::1"), ("2001:db8::/32", "2001:db9::1"), ("::/0", "10.0.0.1"),
        ]
        for (cidr, ip) in outside { #expect(try !block(cidr).contains(address(ip)), "\(ip) not in \(cidr)") }
        #expect(try block("::1").prefixLength == 128)
        #expect(CIDRBlock.loopback.map(\.description) == ["127.0.0.0/8", "::1/128"])
        #expect(CIDRBlock("10.0.0.1")?.description == "10.0.0.1/32")
        for text in [
            "10.0.0.1/8", "10.0.0.0/33", "::/129", "10.0.0.0/", "/8", "10.0.0.0/8/8", "10.0.0.0/-1", "10.0.0.0/ 8", "fd00::/7x",
            "fd00::1/8",
        ] {
            #expect(CIDRBlock(text) == nil, "\(text)")
        }
    }

    /// The rightmost hop that is not a trusted proxy is the client; what a client wrote further left is not
    /// believed, and nothing is believed from an untrusted peer or without `--trust-proxy`.
    @Test func rightmostUntrustedHopIsTheClient() throws {
        let proxies = CIDRBlock.loopback + [try #require(CIDRBlock("10.0.0.0/8"))]
        let trusting = ClientAddress(trustProxy: true, trustedProxies: proxies)
        let cases: [(String?, [String], String)] = [
            ("127.0.0.1", ["203.0.113.9"], "203.0.113.9"),
            ("127.0.0.1", ["6.6.6.6, 203.0.113.9"], "203.0.113.9"),
            ("127.0.0.1", ["6.6.6.6, 203.0.113.9, 10.1.2.3"], "203.0.113.9"),
            ("127.0.0.1", ["6.6.6.6", "203.0.113.9,10.1.2.3"], "203.0.113.9"),
            ("198.51.100.7", ["203.0.113.9"], "198.51.100.7"),
            ("127.0.0.1", ["garbage"], "127.0.0.1"),
            ("127.0.0.1", ["203.0.113.9, garbage"], "127.0.0.1"),
            ("127.0.0.1", ["10.0.0.5"], "10.0.0.5"),
            ("127.0.0.1", [], "127.0.0.1"),
            ("127.0.0.1", ["[2001:db8::1]:4711"], "2001:db8::1"),
            ("127.0.0.1", ["203.0.113.9:8080"], "203.0.113.9"),
            ("::ffff:127.0.0.1", ["203.0.113.9"], "203.0.113.9"),
            ("::1", ["2001:DB8::1"], "2001:db8::1"),
            ("::ffff:198.51.100.7", ["203.0.113.9"], "198.51.100.7"),
            (nil, ["203.0.113.9"], "unknown"),
        ]
        for (peer, lines, expected) in cases {
            #expect(trusting.address(peer: peer, forwardedFor: lines) == expected, "\(peer ?? "nil") \(lines)")
        }
        let notTrusting = ClientAddress(trustProxy: false, trustedProxies: proxies)
        #expect(notTrusting.address(peer: "127.0.0.1", forwardedFor: ["203.0.113.9"]) == "127.0.0.1")
    }

    /// Over HTTP: the ticket's recorded source is the rightmost untrusted hop, not the forged first one.
    @Test func ticketsCountAgainstTheForwardedClient() async throws {
        let hall = try await TestHall()
        try await withLiveAPI(hall) { client in
            let issued = try await client.json(
                "/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#,
                headers: [HTTPField.Name("X-Forwarded-For")!: "6.6.6.6, 203.0.113.9"])
            let id = try #require(try issued.object()["id"] as? Int)
            #expect(try await hall.database.ticket(id: Int64(id))?.source == "203.0.113.9")
        }
    }
}
