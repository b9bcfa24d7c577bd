public import DeviceProtocols

/// One counter display: its model (profile and encoder), where its bytes go, and the counter it shows
/// unless the admin rebinds it.
public struct CounterDisplay: Sendable {
    public let id: String
    public let encoder: DisplayEncoder
    public let port: any DisplayPort
    public let defaultCounter: Int?

    public init(id: String, profile: DisplayProfile, port: any DisplayPort, defaultCounter: Int?) throws {
        self.id = id
        self.encoder = try DisplayEncoder(profile: profile)
        self.port = port
        self.defaultCounter = defaultCounter
    }

    public var profile: DisplayProfile { encoder.profile }

    /// An LED board's bus address is its counter's number (the installer sets the board's DIP switches to
    /// the counter number); outside the frame's address range, its lowest address. Character displays have
    /// no address.
    public func address(counter: Int) -> Int {
        guard let range = profile.frame?.address.range else { return 0 }
        return range.contains(counter) ? counter : range.lowerBound
    }
}
