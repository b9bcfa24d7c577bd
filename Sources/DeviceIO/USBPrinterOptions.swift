/// Transfer sizes and timeouts for one printer connection.
public struct USBPrinterOptions: Sendable, Equatable {
    /// Bytes per bulk transfer. 4096 keeps each transfer short enough that an unplug is noticed mid-ticket
    /// and a timeout reports how much of the ticket got through.
    public var chunkSize: Int
    /// Per chunk. A printer whose buffer is full NAKs until it has printed some lines, so this is generous.
    public var writeTimeout: Duration
    /// How long to wait for the one-byte answer to `DLE EOT n`; silence means offline.
    public var statusTimeout: Duration
    /// How long to listen for stale input (a late status byte) before asking for status, so an old answer
    /// is never taken for the new one.
    public var drainTimeout: Duration

    public init(
        chunkSize: Int = 4096, writeTimeout: Duration = .seconds(5), statusTimeout: Duration = .milliseconds(200),
        drainTimeout: Duration = .milliseconds(10)
    ) {
        self.chunkSize = max(1, chunkSize)
        self.writeTimeout = writeTimeout
        self.statusTimeout = statusTimeout
        self.drainTimeout = drainTimeout
    }

    public static let `default` = USBPrinterOptions()
}

extension Duration {
    /// Whole milliseconds for libusb's `unsigned int timeout`, at least 1 (0 would mean "wait forever").
    var libusbMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return UInt32(clamping: max(1, milliseconds))
    }
}
