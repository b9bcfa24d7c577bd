import DeviceProtocols
import QueueCore

extension KeypadHub {
    public var infos: [DeviceInfo] {
        order.compactMap { id in
            guard let entry = entries[id] else { return nil }
            return DeviceInfo(
                id: id, kind: entry.profile.kind == .rating ? .ratingKeypad : .callerKeypad, profile: entry.profile.id,
                name: entry.profile.name, port: entry.port, counter: entry.counter, status: entry.status,
                statusText: entry.note?.vi ?? (entry.counter == nil ? "Chưa gán quầy" : "Đang hoạt động"),
                statusTextEn: entry.note?.en ?? (entry.counter == nil ? "Not bound to a counter" : "Working"),
                lastSeen: entry.lastSeen, simulated: entry.simulated)
        }
    }

    public func has(_ id: String) -> Bool { entries[id] != nil }

    public func bind(_ id: String, counter: Int?) { entries[id]?.counter = counter }

    /// Types on a simulated keypad; throws for a real one.
    public func type(_ id: String, keys: String) async throws -> [String] {
        guard let entry = entries[id] else { throw DeviceDirectoryError.unknownDevice(id) }
        guard entry.simulated else { throw DeviceDirectoryError.notSimulated(id) }
        guard let reports = KeyTyping.reports(for: keys, profile: entry.profile) else {
            throw QueueError.invalid("Chỉ gõ được chữ số 0–9 và Enter (\\n).", "Only digits 0–9 and Enter (\\n) can be typed.")
        }
        let now = clock.now()
        var done: [String] = []
        for report in reports { done += await feed(id: id, report: report, at: now) }
        return done
    }
}
