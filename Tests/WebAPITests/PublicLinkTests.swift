import Foundation
import HTTPTypes
import HummingbirdTesting
import KioskTesting
import NIOCore
import Testing
import WebAPI

@Suite("Public link on tickets")
struct PublicLinkTests {
    @Test func theConfiguredURLWinsAndLosesItsTrailingSlashes() {
        let link = PublicLink.resolve(configured: "https://xa-minh-an.gov.vn//", host: "0.0.0.0", port: 8080, lanAddress: { "10.0.0.5" })
        #expect(link == PublicLink(url: "https://xa-minh-an.gov.vn", source: .configured))
    }

    @Test func withoutOneTheLANAddressIsUsedWhenListeningOnAllAddresses() {
        let link = PublicLink.resolve(configured: "", host: "0.0.0.0", port: 8080, lanAddress: { "192.168.1.20" })
        #expect(link == PublicLink(url: "http://192.168.1.20:8080", source: .lanAddress))
        #expect(PublicLink.resolve(configured: "", host: "192.168.1.21", port: 80, lanAddress: { nil }).url == "http://192.168.1.21:80")
        #expect(PublicLink.resolve(configured: "", host: "fd00::5", port: 8080, lanAddress: { nil }).url == "http://[fd00::5]:8080")
    }

    @Test func aLinkAPhoneCannotOpenCarriesAWarning() {
        let loopback = PublicLink.resolve(configured: "", host: "127.0.0.1", port: 8080, lanAddress: { "192.168.1.20" })
        #expect(loopback.url == "http://127.0.0.1:8080")
        #expect(loopback.source == .loopback)
        #expect(
            loopback.warning?.hasPrefix("Mã QR trên phiếu trỏ tới http://127.0.0.1:8080 — điện thoại của công dân không mở được") == true)
        let noLAN = PublicLink.resolve(configured: "", host: "0.0.0.0", port: 8080, lanAddress: { nil })
        #expect(noLAN.source == .loopback && noLAN.warningEn != nil)
        let configuredLocal = PublicLink.resolve(configured: "http://localhost:8080", host: "0.0.0.0", port: 8080, lanAddress: { nil })
        #expect(configuredLocal.source == .configured && configuredLocal.warning != nil)
    }

    @Test func theAdminSeesTheLinkAndItsWarning() async throws {
        let hall = try await TestHall(start: "2026-03-04 09:00")
        try await withAPI(hall) { client in
            let admin = try await client.login("admin")
            let answer = try await client.json("/api/v1/admin/settings", token: admin)
            let link = try #require(try answer.object()["publicLink"] as? [String: Any])
            #expect(link["source"] as? String == "loopback")
            #expect(link["url"] as? String == "http://127.0.0.1:8080")
            let staff = try await client.login("quay1")
            #expect(try await client.json("/api/v1/admin/settings", token: staff).status == .forbidden)
        }
    }
}
