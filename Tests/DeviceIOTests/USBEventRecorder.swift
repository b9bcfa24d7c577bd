import DeviceIO

/// Collects a monitor's events in one long-lived task so a test can wait for "the printer left" without
/// iterating the stream twice (an AsyncStream ends when its consuming task is cancelled).
actor USBEventRecorder {
    private(set) var events: [USBDeviceEvent] = []
    private var task: Task<Void, Never>?

    func start(_ stream: AsyncStream<USBDeviceEvent>) {
        task = Task { [weak self] in
            for await event in stream { await self?.append(event) }
        }
    }

    private func append(_ event: USBDeviceEvent) { events.append(event) }

    /// The first event after index `from` that satisfies `predicate`, polling until `within` has passed.
    func waitFor(
        from start: Int = 0, within timeout: Duration, _ predicate: @Sendable (USBDeviceEvent) -> Bool
    ) async -> (index: Int, event: USBDeviceEvent)? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let index = events.indices.dropFirst(start).first(where: { predicate(events[$0]) }) {
                return (index, events[index])
            }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    func stop() { task?.cancel() }
}
