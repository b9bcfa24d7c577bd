import DeviceProtocols

extension DisplayHub {
    public var infos: [DeviceInfo] {
        order.compactMap { id in
            guard let entry = entries[id] else { return nil }
            return DeviceInfo(
                id: id, kind: .display, profile: entry.display.profile.id, name: entry.display.profile.name,
                port: entry.display.port.name, counter: entry.counter, status: entry.status,
                statusText: entry.problem?.vi ?? "Đang hoạt động", statusTextEn: entry.problem?.en ?? "Working",
                lastSeen: entry.lastSeen, simulated: entry.display.port.simulated, screen: entry.screen)
        }
    }

    public func has(_ id: String) -> Bool { entries[id] != nil }

    public func bind(_ id: String, counter: Int?) async {
        entries[id]?.counter = counter
        await drive(id: id)
    }

    /// Lights every cell for 3 s, then shows the counter again.
    public func test(_ id: String) async throws {
        guard let entry = entries[id] else { return }
        let address = entry.display.address(counter: entry.counter ?? 0)
        try await entry.display.port.write(try entry.display.encoder.testPattern(address: address))
        try? await Task.sleep(for: .seconds(3))
        await drive(id: id)
    }
}
