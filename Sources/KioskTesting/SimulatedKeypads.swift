import DeviceProtocols
import Foundation
public import Hall
import Logging
import QueueCore
import QueueStore

extension KeypadHub {
    /// Four keypads: rating keypads at counters 1 and 2, a caller keypad at 1, and an unbound "USB" one.
    public static func simulatedForTests(_ hall: TestHall) async throws -> KeypadHub {
        let hub = KeypadHub(
            ratings: RatingDesk(database: hall.database, policy: RatingPolicy(), events: HallEventHub(database: hall.database)),
            clock: hall.clock, logger: Logger(label: "test"))
        await hub.attach(id: "rate-1", profile: try profile("rating-4key"), counter: 1, port: "simulated", simulated: true)
        await hub.attach(id: "seq-2", profile: try profile("rating-sequence-enter"), counter: 2, port: "simulated", simulated: true)
        await hub.attach(id: "call-1", profile: try profile("caller-6key"), counter: 1, port: "simulated", simulated: true)
        await hub.attach(id: "usb-kp", profile: try profile("rating-4key"), counter: nil, port: "usb 1-2", simulated: false)
        return hub
    }
}

private func profile(_ id: String) throws -> KeypadProfile {
    let profiles = try KeypadProfiles.load(directory: TestHall.repositoryRoot.appendingPathComponent("devices/keypads"))
    guard let profile = profiles.first(where: { $0.id == id }) else { throw HarnessError("no keypad profile \(id)") }
    return profile
}
