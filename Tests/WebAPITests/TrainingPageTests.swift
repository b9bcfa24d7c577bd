import Foundation
import HummingbirdTesting
import KioskTesting
import NIOCore
import Testing
import WebAPI

@Suite("Pages on the training clock")
struct TrainingPageTests {
    /// With `serve --now` every page opens with the banner (right after `<body>`); without it no page has one.
    @Test func everyPageCarriesTheBannerOnlyInTraining() async throws {
        let hall = try await TestHall()
        var settings = hall.settings
        settings.training = true
        let training = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        for (app, expected) in [(training, true), (hall.app(), false)] {
            try await withAPI(hall, kiosk: app) { client in
                for page in ["/kiosk", "/display", "/staff", "/supervisor", "/rate/1", "/admin/devices"] {
                    let html = String(buffer: try await client.json(page).body)
                    #expect(html.contains(#"data-testid="training-banner""#) == expected, "\(page)")
                    #expect(html.contains("ĐÀO TẠO / TRAINING") == expected, "\(page)")
                    if expected {
                        let body = try #require(html.range(of: "<body"))
                        let close = try #require(html[body.upperBound...].firstIndex(of: ">"))
                        #expect(html[html.index(after: close)...].hasPrefix("<div class=\"training-banner\""), "\(page)")
                    }
                }
            }
        }
    }
}
