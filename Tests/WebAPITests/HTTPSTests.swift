import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import SwiftASN1
import Testing
import WebAPI
import X509

/// `khongcho tls init`'s authority and certificates, and what the plain-HTTP listener still serves once HTTPS is on
/// (static files, outside the API document, and a real TLS handshake are in e2e/test_https.py).
@Suite("HTTPS on the LAN")
struct HTTPSTests {
    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kc-tls-\(UUID().uuidString)")
    }

    static func chain(_ file: URL) throws -> [Certificate] {
        let pem = try String(contentsOf: file, encoding: .utf8)
        return try pem.components(separatedBy: "-----END CERTIFICATE-----").filter { $0.contains("BEGIN CERTIFICATE") }
            .map { try Certificate(pemEncoded: $0 + "-----END CERTIFICATE-----") }
    }

    static func verify(_ leaf: Certificate, authority: Certificate, hostname: String?, ip: String?) async -> Bool {
        var verifier = Verifier(rootCertificates: CertificateStore([authority])) {
            RFC5280Policy()
            ServerIdentityPolicy(serverHostname: hostname, serverIP: ip)
        }
        if case .validCertificate = await verifier.validate(leaf: leaf, intermediates: CertificateStore()) { return true }
        return false
    }

    @Test func theServerCertificateVerifiesForTheBoxsNamesAndAddressesOnly() async throws {
        let authority = LocalCertificateAuthority(directory: Self.directory())
        let issued = try authority.issue(names: ["may-chu.local"], addresses: ["192.168.1.10", "fd00::2"])
        #expect(issued.createdAuthority)
        let ca = try Certificate(pemEncoded: String(contentsOf: authority.caCertificateFile, encoding: .utf8))
        let chain = try Self.chain(authority.serverCertificateFile)
        #expect(chain.count == 2 && chain[1] == ca)
        #expect(await Self.verify(chain[0], authority: ca, hostname: "may-chu.local", ip: nil))
        #expect(await Self.verify(chain[0], authority: ca, hostname: nil, ip: "192.168.1.10"))
        #expect(await Self.verify(chain[0], authority: ca, hostname: nil, ip: "fd00::2"))
        #expect(!(await Self.verify(chain[0], authority: ca, hostname: "other.local", ip: nil)))
        #expect(!(await Self.verify(chain[0], authority: ca, hostname: nil, ip: "192.168.1.11")))
        let days = chain[0].notValidAfter.timeIntervalSince(chain[0].notValidBefore) / 86_400
        #expect(days <= 826)
        for key in [authority.caKeyFile, authority.serverKeyFile] {
            let mode = try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(key.lastPathComponent) is readable by others")
        }
    }

    @Test func runningAgainKeepsTheAuthoritySoNothingIsTrustedAgain() async throws {
        let authority = LocalCertificateAuthority(directory: Self.directory())
        _ = try authority.issue(names: ["may-chu.local"], addresses: ["192.168.1.10"])
        let before = try Data(contentsOf: authority.caCertificateFile)
        let again = try authority.issue(names: ["may-chu.local"], addresses: ["192.168.1.20"])
        #expect(!again.createdAuthority)
        #expect(try Data(contentsOf: authority.caCertificateFile) == before)
        let ca = try Certificate(pemEncoded: String(decoding: before, as: UTF8.self))
        let leaf = try Self.chain(authority.serverCertificateFile)[0]
        #expect(await Self.verify(leaf, authority: ca, hostname: nil, ip: "192.168.1.20"))
        #expect(!(await Self.verify(leaf, authority: ca, hostname: nil, ip: "192.168.1.10")))
    }

    @Test func badInputIsRefusedWithWhatToDo() throws {
        let authority = LocalCertificateAuthority(directory: Self.directory())
        let notAnAddress = #expect(throws: TLSSetupError.self) { try authority.issue(names: [], addresses: ["192.168.1"]) }
        #expect(notAnAddress?.messageEn == "'192.168.1' is not an IP address.")
        _ = try authority.issue(names: ["may-chu.local"], addresses: [])
        // The authority's key is not the server certificate's key.
        let wrongKey = #expect(throws: TLSSetupError.self) {
            try HTTPSListener(port: 8443, certificateFile: authority.serverCertificateFile, keyFile: authority.caKeyFile)
        }
        #expect(
            wrongKey?.messageEn.contains("is not the key of \(authority.serverCertificateFile.path); run khongcho tls init again") == true)
        let missing = #expect(throws: TLSSetupError.self) {
            try HTTPSListener(
                port: 8443, certificateFile: URL(fileURLWithPath: "/nonexistent/server.crt"), keyFile: authority.serverKeyFile)
        }
        #expect(missing?.messageEn.hasPrefix("Cannot read the chứng chỉ / certificate file /nonexistent/server.crt") == true)
        let listener = try HTTPSListener(port: 8443, certificateFile: authority.serverCertificateFile, keyFile: authority.serverKeyFile)
        #expect(listener.notValidAfter > Date().addingTimeInterval(800 * 86_400))
    }

    @Test func withHTTPSOnThePlainListenerServesTheCitizenSideOnly() async throws {
        let hall = try await TestHall()
        let authority = LocalCertificateAuthority(directory: Self.directory())
        _ = try authority.issue(names: ["may-chu.local"], addresses: [])
        var settings = hall.settings
        settings.tls = try HTTPSListener(port: 8443, certificateFile: authority.serverCertificateFile, keyFile: authority.serverKeyFile)
        let kiosk = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        try await withAPI(hall, kiosk: kiosk) { client in
            #expect(try await client.json("/kiosk").status == .ok)
            #expect(try await client.json("/display").status == .ok)
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(issued.status == .created)
            let token = try #require(try issued.object()["token"] as? String)
            #expect(try await client.json("/api/v1/public/tickets/\(token)").status == .ok)

            let page = try await client.json("/staff")
            #expect(page.status == .permanentRedirect)
            let location = try #require(page.headers[.location])
            #expect(location.hasPrefix("https://") && location.hasSuffix(":8443/staff"))
            #expect(try await client.json("/admin/devices").status == .permanentRedirect)

            let login = try await client.json("/api/v1/auth/login", .post, body: #"{"username":"admin","password":"x"}"#)
            #expect(login.status == .forbidden)
            let error = try #require(try login.object()["error"] as? [String: Any])
            #expect(error["code"] as? String == "https_required")
            #expect((error["messageEn"] as? String)?.hasPrefix("HTTPS only: open https://") == true)
            #expect(try await client.json("/api/v1/counters").status == .forbidden)
            #expect(try await client.json("/api/v1/ratings").status == .forbidden)
            // A token never counts on the plain listener, even where the citizen side would be served.
            #expect(try await client.json("/api/v1/hall", token: "any").status == .forbidden)
        }
    }
}
