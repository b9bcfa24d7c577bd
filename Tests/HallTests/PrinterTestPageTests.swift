import DeviceProtocols
import Foundation
import Hall
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Simulators
import Testing

@Suite("Printer test page and last seen")
struct PrinterTestPageTests {
    func devices(_ printing: PrintingHall) -> HallDevices {
        let hall = printing.hall
        let output = printing.output
        return HallDevices(
            database: hall.database,
            displays: DisplayHub(displays: [], bindings: [:], clock: hall.clock, logger: Logger(label: "test"), alert: { _ in }),
            keypads: KeypadHub(
                ratings: RatingDesk(database: hall.database, policy: RatingPolicy(), events: HallEventHub(database: hall.database)),
                clock: hall.clock, logger: Logger(label: "test")),
            printers: output.registry, clock: hall.clock, testPage: { try output.testPage(for: $0) })
    }

    @Test func thuInPrintsATestPageAndTheLastSeenTimeFollowsThePrinter() async throws {
        let printing = try await PrintingHall()
        let directory = devices(printing)
        let attached = try #require(await directory.devices().first { $0.id == "kiosk-1" })
        #expect(attached.lastSeen == printing.hall.clock.now())

        printing.hall.clock.advance(minutes: 1.5)
        let result = try await directory.test("kiosk-1")
        #expect(result.message == "Đã gửi trang thử tới kiosk-1: Đã in trang thử / Test page printed")
        let page = try #require(printing.port.printouts.last?.pages.first)
        #expect(page.bitmap.blackPixelCount > 5000)
        #expect(page.bitmap.height > 600)
        #expect(try #require(await directory.devices().first { $0.id == "kiosk-1" }).lastSeen == printing.hall.clock.now())
        // No ticket was issued, so no print job was stored for it.
        #expect(try await printing.hall.database.printJobs(state: nil).isEmpty)

        // Out of paper: the admin is told why, and the last-seen time stays at the last answer.
        let seen = printing.hall.clock.now()
        printing.hall.clock.advance(minutes: 1)
        var sensors = printing.port.sensors
        sensors.paperOut = true
        printing.port.sensors = sensors
        let failure = await #expect(throws: DeviceDirectoryError.self) { try await directory.test("kiosk-1") }
        #expect("\(String(describing: failure))".contains("giấy"))
        #expect(printing.port.printouts.count == 1)
        #expect(try #require(await directory.devices().first { $0.id == "kiosk-1" }).lastSeen == seen)
    }
}
