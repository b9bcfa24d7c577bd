import DeviceIO
import DeviceProtocols
import Foundation
import KioskTesting
import Testing

/// Real DeviceIO + real libusb against the printer emulated by e2e/umockdev/usb_printer_mock.py.
/// Each test is one scenario of e2e/test_usb_umockdev.py, which checks the printer's side (bytes received,
/// claim with auto-detach, never a reset); these check the kiosk's side.
@Suite(.serialized) struct UMockdevScenarioTests {
    let profiles = [USBFixtures.profile("0416", "5011", id: "pos58")]

    @Test(.enabled(if: UMockdevScenario.isRunning("print")))
    func printTicketAndReadStatus() async throws {
        let context = try USBContext()
        let devices = try await context.devices()
        let device = try #require(devices.first(where: UMockdevScenario.isEmulatedPrinter))
        #expect(device.id == USBDeviceID(bus: 1, address: 5))
        #expect(device.manufacturer == "Winbond")
        #expect(device.product == "POS58 Printer")
        #expect(device.serialNumber == "KC0001")
        #expect(device.interfaceClasses == [7])

        let match = try #require(PrinterMatcher(profiles: profiles).match(device))
        #expect(match.reason == .profile)
        let endpoints = try #require(match.endpoints)
        #expect(endpoints.outAddress == 0x03)
        #expect(endpoints.inAddress == 0x81)

        let printer = try await USBPrinterConnection.open(device, in: context, endpoints: endpoints)
        // A real ticket as the kiosk prints it; pytest decodes what the printer received with the virtual
        // printer and compares it with expected.png.
        let profile = try #require(
            try PrinterProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/printers"))
                .first { $0.id == "generic-58mm" })
        let renderer = try TicketRenderer(templateURL: TestHall.repositoryAssets.appendingPathComponent("ticket/template.json"))
        let bitmap = try renderer.render(UMockdevScenario.sampleContent, for: profile)
        let ticket = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: profile)
        #expect(try await printer.write(ticket) == ticket.count)
        try UMockdevScenario.write("written.bin", ticket)
        try UMockdevScenario.write("expected.png", PNGWriter.encode(bitmap))
        #expect(try await printer.status(.printer) == 0x16)
        #expect(try await printer.status(.offlineCause) == 0x12)
        #expect(try await printer.status(.paper) == 0x12)
        await printer.close()
        #expect(await printer.isClosed)
        await #expect(throws: USBError.self) { try await printer.write([0x0A]) }
        try UMockdevScenario.write("done")
    }

    /// A counter display on a raw USB bulk interface: the DM-D frame for "counter 1 calls A001" goes to
    /// the device found by VID:PID, byte for byte; after close the link reopens by itself.
    @Test(.enabled(if: UMockdevScenario.isRunning("bulk-display")))
    func bulkDisplayReceivesTheFrame() async throws {
        let profile = try #require(
            try DisplayProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/displays"))
                .first { $0.id == "epson-dmd-2x20" })
        let frame = try DisplayEncoder(profile: profile).frame(for: CounterDisplayState(counter: 1, label: "A001"))
        let link = USBBulkLink(vendorID: UMockdevScenario.vendorID, productID: UMockdevScenario.productID)
        try await link.write(frame)
        try await link.write(frame)
        try UMockdevScenario.write("written.bin", frame + frame)
        let missing = USBBulkLink(vendorID: 0x1234, productID: 0x5678)
        await #expect(throws: USBError.self) { try await missing.write(frame) }
        try UMockdevScenario.write("done")
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("paper-out")))
    func paperOutStatus() async throws {
        let context = try USBContext()
        let device = try #require(try await context.devices().first(where: UMockdevScenario.isEmulatedPrinter))
        let printer = try await USBPrinterConnection.open(device, in: context)
        #expect(try await printer.status(.printer) == 0x1E)  // bit 3: offline
        #expect(try await printer.status(.offlineCause) == 0x32)  // bit 5: stopped for paper end
        #expect(try await printer.status(.paper) == 0x72)  // bits 5–6: paper end
        let replies = try await printer.statusReplies()
        #expect(replies == [.printer: 0x1E, .offlineCause: 0x32, .paper: 0x72])
        let status = try PrinterStatus(replies: replies)
        #expect(status.paperOut == true)
        #expect(!status.canPrint)
        await printer.close()
        try UMockdevScenario.write("done")
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("no-status")))
    func silentPrinterIsOffline() async throws {
        let context = try USBContext()
        let device = try #require(try await context.devices().first(where: UMockdevScenario.isEmulatedPrinter))
        let printer = try await USBPrinterConnection.open(device, in: context)
        let started = ContinuousClock.now
        #expect(try await printer.status(.printer) == nil)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(200))
        #expect(elapsed < .seconds(2))
        // The full check stops after the first silence: one timeout, not three.
        let replies = try await printer.statusReplies()
        #expect(replies.isEmpty)
        #expect(try PrinterStatus(replies: replies).connection == .noReply)
        await #expect {
            try await printer.read(max: 64, timeout: .milliseconds(50))
        } throws: { error in
            (error as? USBError)?.code == .timeout
        }
        // Silence is not a broken link: the ticket still goes out.
        let ticket = UMockdevScenario.ticket(rasterRows: 10)
        #expect(try await printer.write(ticket) == ticket.count)
        try UMockdevScenario.write("written.bin", ticket)
        await printer.close()
        try UMockdevScenario.write("done")
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("unplug-replug")))
    func unplugDuringAJobThenReplug() async throws {
        let context = try USBContext()
        let monitor = USBDeviceMonitor(context: context)
        let recorder = USBEventRecorder()
        await recorder.start(monitor.events())
        let running = Task { await monitor.run() }
        defer { running.cancel() }

        let arrival = try #require(
            await recorder.waitFor(within: .seconds(5)) { event in
                if case .arrived(let device) = event { return UMockdevScenario.isEmulatedPrinter(device) }
                return false
            })
        let first = arrival.event.device
        #expect(first.id == USBDeviceID(bus: 1, address: 5))
        #expect(monitor.usesHotplug)

        // The emulated printer takes 8192 bytes, then its cable is pulled.
        let printer = try await USBPrinterConnection.open(first, in: context)
        let job = UMockdevScenario.ticket(rasterRows: 1300)
        try UMockdevScenario.write("job-1.bin", job)
        do {
            try await printer.write(job)
            Issue.record("the write should fail when the printer is unplugged")
        } catch {
            #expect(error.code == .noDevice)
            #expect(error.meansUnplugged)
            #expect(error.transferred == 8192)
            #expect(error.requested == job.count)
            #expect(error.englishMessage.contains("8192 of \(job.count) bytes"))
        }
        await #expect {
            try await printer.status(.printer)
        } throws: { error in
            (error as? USBError)?.code == .noDevice
        }
        await printer.close()

        let left = try #require(
            await recorder.waitFor(from: arrival.index + 1, within: .seconds(2)) { event in
                if case .left(let device) = event { return device.id == first.id }
                return false
            })
        #expect(!monitor.devices.contains { $0.id == first.id })
        try UMockdevScenario.write("left-seen")

        // The Python side plugs it back in (a new address, as the kernel would give it).
        let back = try #require(
            await recorder.waitFor(from: left.index + 1, within: .seconds(10)) { event in
                if case .arrived(let device) = event { return UMockdevScenario.isEmulatedPrinter(device) }
                return false
            })
        try UMockdevScenario.write("arrived-seen")
        let second = back.event.device
        #expect(second.id == USBDeviceID(bus: 1, address: 6))
        #expect(second.product == "POS58 Printer")

        let again = try await USBPrinterConnection.open(second, in: context)
        let ticket = UMockdevScenario.ticket(rasterRows: 20, number: "A013")
        #expect(try await again.write(ticket) == ticket.count)
        try UMockdevScenario.write("written-2.bin", ticket)
        #expect(try await again.status(.printer) == 0x16)
        await again.close()

        monitor.stop()
        await running.value
        await recorder.stop()
        try UMockdevScenario.write("done")
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("plug-later-hotplug")))
    func printerPluggedInLaterWithHotplug() async throws {
        try await pluggedInLater(mode: .automatic)
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("plug-later-polling")))
    func printerPluggedInLaterWithPolling() async throws {
        try await pluggedInLater(mode: .polling)
    }

    /// Empty bus at start; the Python side plugs the printer after "ready" and pulls it after "arrived-seen".
    private func pluggedInLater(mode: USBMonitorMode) async throws {
        let context = try USBContext()
        let monitor = USBDeviceMonitor(context: context, mode: mode, pollInterval: .seconds(1))
        let recorder = USBEventRecorder()
        await recorder.start(monitor.events())
        let running = Task { await monitor.run() }
        defer { running.cancel() }
        try await Task.sleep(for: .milliseconds(300))
        #expect(monitor.usesHotplug == (mode == .automatic))
        #expect(!monitor.devices.contains(where: UMockdevScenario.isEmulatedPrinter))
        try UMockdevScenario.write("ready")

        let arrival = try #require(
            await recorder.waitFor(within: .seconds(10)) { event in
                if case .arrived(let device) = event { return UMockdevScenario.isEmulatedPrinter(device) }
                return false
            })
        try UMockdevScenario.write("arrived-seen")
        let match = try #require(PrinterMatcher(profiles: profiles).match(arrival.event.device))
        #expect(match.endpoints?.outAddress == 0x03)

        _ = try #require(
            await recorder.waitFor(from: arrival.index + 1, within: .seconds(10)) { event in
                if case .left(let device) = event { return UMockdevScenario.isEmulatedPrinter(device) }
                return false
            })
        try UMockdevScenario.write("left-seen")

        monitor.stop()
        await running.value
        await recorder.stop()
        try UMockdevScenario.write("done")
    }
}
