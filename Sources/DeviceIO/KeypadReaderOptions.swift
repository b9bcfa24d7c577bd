/// Timeouts for one keypad reader.
public struct KeypadReaderOptions: Sendable, Equatable {
    /// Per blocking interrupt read. A timeout just means nobody pressed anything; it is also how often the
    /// loop looks at its stop flag, so it bounds how long `close()` waits.
    public var readTimeout: Duration
    /// Send SET_PROTOCOL(boot) after claiming a boot interface, so the keypad sends 8-byte boot reports even
    /// if its report descriptor says otherwise. Devices that refuse it are read anyway.
    public var setBootProtocol: Bool

    public init(readTimeout: Duration = .milliseconds(100), setBootProtocol: Bool = true) {
        self.readTimeout = readTimeout
        self.setBootProtocol = setBootProtocol
    }

    public static let `default` = KeypadReaderOptions()
}
