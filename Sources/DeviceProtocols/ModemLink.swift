/// One raw byte transport to a modem (a serial port, a pty, the simulated modem): the only primitive the AT
/// dialogue needs. Calls block; the sender runs them off the async pool.
public protocol ModemLink: Sendable {
    func write(_ bytes: [UInt8]) throws(ModemError)
    /// The bytes that arrive within `timeout` (possibly none); returns as soon as some are there.
    func read(timeout: Duration) throws(ModemError) -> [UInt8]
}
