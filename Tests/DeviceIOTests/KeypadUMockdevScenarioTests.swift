import DeviceProtocols
import Foundation
import KioskTesting
import NIOConcurrencyHelpers
import Testing

@testable import DeviceIO

/// Real DeviceIO + real libusb against the keypad emulated by e2e/umockdev/keypad_mock.py, driven by
/// e2e/umockdev/keypad_run.py (see its docstring for what it types when). Skipped in a plain `swift test`.
@Suite(.serialized) struct KeypadUMockdevScenarioTests {
    static func isEmulatedKeypad(_ device: USBDeviceInfo) -> Bool {
        device.vendorID == 0x04d9 && device.productID == 0x1203
    }

    static func profiles() throws -> [KeypadProfile] {
        try KeypadProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/keypads"))
    }

    static func waitUntil(within limit: Duration = .seconds(20), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("keypad-read")))
    func readKeyDownsThenUnplug() async throws {
        let context = try USBContext()
        let device = try #require(try await context.devices().first(where: Self.isEmulatedKeypad))
        #expect(device.id == USBDeviceID(bus: 1, address: 7))
        #expect(device.product == "USB Number Keypad")
        let match = try #require(KeypadMatcher(profiles: try Self.profiles()).match(device))
        #expect(match.profile.id == "rating-4key")
        #expect(match.reason == .bootKeyboard)
        #expect(match.endpoint == KeypadEndpoint(interfaceNumber: 0, inAddress: 0x81, maxPacketSize: 8))

        let reader = try await KeypadReader.open(match, in: context)
        var decoder = KeypadDecoder(profile: match.profile)
        var reports = reader.reports().makeAsyncIterator()
        // Nobody types for a while: the reader's 100 ms reads time out (DISCARDURB) and it keeps reading.
        try await Task.sleep(for: .milliseconds(350))
        try UMockdevScenario.write("ready")

        var received: [[UInt8]] = []
        var actions: [KeypadAction] = []
        while received.count < 7, let report = try await reports.next() {
            received.append(report.bytes)
            actions += decoder.feed(report: report.bytes, at: report.receivedAt)
        }
        #expect(
            received == [
                [0, 0, 0x1E, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 1, 1, 1, 1],
                [0, 0, 0x5B, 0, 0, 0, 0, 0], [0, 0, 0x5B, 0, 0, 0, 0, 0], [0, 0, 0x5B, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0],
            ])
        #expect(actions == [.rating(.veryPleased), .rating(.neutral)])
        try UMockdevScenario.write("read-done")

        // The cable is pulled: the stream ends with .noDevice and the interface is already released.
        do {
            while try await reports.next() != nil {}
            Issue.record("the stream should fail when the keypad is unplugged")
        } catch {
            #expect((error as? USBError)?.code == .noDevice)
            #expect((error as? USBError)?.call == "libusb_interrupt_transfer(IN 0x81)")
        }
        #expect(await reader.isClosed)
        await reader.close()
        try UMockdevScenario.write("done")
    }

    @Test(.enabled(if: UMockdevScenario.isRunning("keypad-service")))
    func serviceReopensAfterReplug() async throws {
        let context = try USBContext()
        let monitor = USBDeviceMonitor(context: context)
        let events = NIOLockedValueBox<[String]>([])
        let service = KeypadService(
            monitor: monitor, matcher: KeypadMatcher(profiles: try Self.profiles()),
            shouldOpen: { Self.isEmulatedKeypad($0.device) },
            onEvent: { event in
                let line: String
                switch event {
                case .connected(let match): line = "connected \(match.device.id) \(match.profile.id)"
                case .action(let match, let action, _): line = "action \(match.device.id) \(action)"
                case .openFailed(let match, let error): line = "open-failed \(match.device.id) \(error.code.rawValue)"
                case .disconnected(let match, let error):
                    line = "disconnected \(match.device.id) \(error?.code.rawValue ?? "stopped")"
                }
                let count = events.withLockedValue { list in
                    list.append(line)
                    return list.filter { $0.hasPrefix(line.prefix(while: { $0 != " " })) }.count
                }
                let marker = String(line.prefix(while: { $0 != " " }))
                try? UMockdevScenario.write("\(marker)-\(count)")
            })
        let running = Task { await monitor.run() }
        let serving = Task { try await service.run() }
        try await Task.sleep(for: .milliseconds(300))
        try UMockdevScenario.write("ready")

        try await Self.waitUntil { events.withLockedValue { $0.count } >= 5 }
        #expect(
            events.withLockedValue { $0 } == [
                "connected 001:007 rating-4key", "action 001:007 rating:2", "disconnected 001:007 no_device",
                "connected 001:008 rating-4key", "action 001:008 rating:4",
            ])
        // Shutdown closes the open reader: its stream ends without an error.
        serving.cancel()
        _ = try? await serving.value
        #expect(events.withLockedValue { $0.last } == "disconnected 001:008 stopped")
        monitor.stop()
        await running.value
        try UMockdevScenario.write("done")
    }
}
