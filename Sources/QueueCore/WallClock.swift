public import Foundation

/// The only way domain code learns the time: injected, so tests and the simulator can drive it.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
