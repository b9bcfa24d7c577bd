public import ServiceLifecycle

/// Runs a `USBDeviceMonitor` inside a ServiceGroup: it stops on graceful shutdown (SIGTERM) as well as on
/// cancellation, so the process never waits on a blocked USB call to exit.
public struct USBDeviceMonitorService: Service {
    public let monitor: USBDeviceMonitor

    public init(monitor: USBDeviceMonitor) {
        self.monitor = monitor
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await monitor.run()
        } onGracefulShutdown: {
            monitor.stop()
        }
    }
}
