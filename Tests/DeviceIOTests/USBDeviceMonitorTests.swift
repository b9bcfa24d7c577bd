import DeviceIO
import Testing

/// The monitor's lifecycle on whatever bus this machine has (often none). The emulated-printer behaviour
/// (arrivals, departures, timing) is covered by e2e/test_usb_umockdev.py.
@Suite struct USBDeviceMonitorTests {
    static let libusbWorks = (try? USBContext()) != nil

    @Test(.enabled(if: libusbWorks), arguments: [USBMonitorMode.automatic, .polling])
    func stopEndsTheLoopAndTheStreams(mode: USBMonitorMode) async throws {
        let monitor = USBDeviceMonitor(context: try USBContext(), mode: mode, pollInterval: .milliseconds(200))
        let events = monitor.events()
        let running = Task { await monitor.run() }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        monitor.stop()
        await running.value
        #expect(ContinuousClock.now - started < .seconds(5))  // 200 ms polls; slack for ThreadSanitizer on a loaded box
        for await _ in events {}  // finishes instead of hanging
        for await _ in monitor.events() {}  // a late subscriber gets a finished stream
    }

    @Test(.enabled(if: libusbWorks))
    func cancellingTheTaskStopsTheMonitor() async throws {
        let monitor = USBDeviceMonitor(context: try USBContext(), pollInterval: .milliseconds(200))
        let running = Task { await monitor.run() }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        running.cancel()
        await running.value
        #expect(ContinuousClock.now - started < .seconds(5))  // 200 ms polls; slack for ThreadSanitizer on a loaded box
    }

    @Test(.enabled(if: libusbWorks))
    func stopBeforeRunReturnsAtOnce() async throws {
        let monitor = USBDeviceMonitor(context: try USBContext(), mode: .polling)
        monitor.stop()
        await monitor.run()
        await monitor.run()  // a second run is refused, not a second loop
    }

    @Test func pollIntervalIsCappedAtOneSecond() throws {
        guard let context = try? USBContext() else { return }
        #expect(USBDeviceMonitor(context: context, pollInterval: .seconds(5)).pollInterval == .seconds(1))
    }
}
