public import DeviceProtocols
import Glibc
import NIOConcurrencyHelpers

/// One open tty (`/dev/ttyUSB0`, `/dev/ttyACM0`, a pty in tests) set up from a display's serial settings:
/// raw mode (`cfmakeraw`: no echo, no line editing, no CR/LF translation, 8-bit clean), the profile's baud,
/// data bits, parity and stop bits, no flow control (`CLOCAL`, no `CRTSCTS`/`IXON`/`IXOFF`), because customer
/// displays and LED boards are mostly one-way 3-wire or RS-485 links.
///
/// The descriptor is non-blocking (`O_NONBLOCK`, so neither `open` nor a stuck adapter can hang a thread
/// forever); `write` still behaves as a blocking write with a deadline by waiting in `poll`. A `write` returns
/// once every byte is in the driver's buffer (no `tcdrain`, which has no timeout); at 9600 baud a 2×20 screen
/// (≈ 50 bytes) is on the wire ≈ 50 ms later. `flock` keeps a second khongcho process off the same port.
public final class SerialPort: Sendable {
    public let path: String
    public let settings: DisplaySerialSettings
    /// How long `write` waits for the driver to take all the bytes.
    public let writeTimeout: Duration
    /// The descriptor, -1 once closed.
    private let descriptor: NIOLockedValueBox<Int32>

    public init(path: String, settings: DisplaySerialSettings, writeTimeout: Duration = .milliseconds(500))
        throws(SerialError)
    {
        guard let speed = Self.speed(for: settings.baud), [7, 8].contains(settings.dataBits),
            [1, 2].contains(settings.stopBits)
        else {
            throw SerialError(.unsupportedSettings, call: "open \(path) (\(settings.summary))")
        }
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let value = errno
            let code: SerialError.Code =
                switch value {
                case EACCES, EPERM: .access
                case ENOENT: .notFound
                case EBUSY: .busy
                default: .open
                }
            throw SerialError.system("open", path: path, errno: value, fallback: code)
        }
        do throws(SerialError) {
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                throw SerialError.system("flock", path: path, errno: errno, fallback: .busy)
            }
            try Self.configure(fd, path: path, settings: settings, speed: speed)
        } catch {
            Glibc.close(fd)
            throw error
        }
        self.path = path
        self.settings = settings
        self.writeTimeout = writeTimeout
        descriptor = NIOLockedValueBox(fd)
    }

    deinit { close() }

    public var isOpen: Bool { descriptor.withLockedValue { $0 >= 0 } }

    /// Closes the port; later calls throw `.closed`. Safe to call twice.
    public func close() {
        descriptor.withLockedValue { fd in
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }
    }

    /// Writes every byte or throws: `.timeout` when the driver has not taken them within `writeTimeout`,
    /// `.unplugged` when the adapter is gone (EIO/ENXIO/ENODEV or a hang-up), with how far it got.
    public func write(_ bytes: [UInt8]) throws(SerialError) {
        // The lock box's closure is untyped `rethrows`; a Result carries the typed error out.
        try descriptor.withLockedValue { (fd: inout Int32) in
            Result { () throws(SerialError) in try writeLocked(fd, bytes) }
        }.get()
    }

    private func writeLocked(_ fd: Int32, _ bytes: [UInt8]) throws(SerialError) {
        guard fd >= 0 else { throw SerialError(.closed, call: "write \(path)", requested: bytes.count) }
        let deadline = ContinuousClock.now + writeTimeout
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
                continue
            }
            let value = errno
            if written < 0, value == EINTR { continue }
            guard written == 0 || value == EAGAIN else {
                throw SerialError.system(
                    "write", path: path, errno: value, fallback: .write, transferred: offset, requested: bytes.count
                )
            }
            try wait(
                fd, for: Int16(POLLOUT), until: deadline, call: "write", transferred: offset, requested: bytes.count
            )
        }
    }

    /// Up to `max` bytes that arrive within `timeout`; empty when nothing came (not an error: most displays
    /// never answer). Returns as soon as some bytes are there.
    public func read(max: Int, timeout: Duration) throws(SerialError) -> [UInt8] {
        try descriptor.withLockedValue { (fd: inout Int32) in
            Result { () throws(SerialError) -> [UInt8] in try readLocked(fd, max: max, timeout: timeout) }
        }.get()
    }

    private func readLocked(_ fd: Int32, max: Int, timeout: Duration) throws(SerialError) -> [UInt8] {
        guard fd >= 0 else { throw SerialError(.closed, call: "read \(path)") }
        let deadline = ContinuousClock.now + timeout
        while true {
            var buffer = [UInt8](repeating: 0, count: Swift.max(1, max))
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer.prefix(count)) }
            // 0 is "nothing yet" on a tty with VMIN = VTIME = 0, not end of file; a hang-up shows in poll.
            let value = errno
            if count < 0, value == EINTR { continue }
            if count < 0, value != EAGAIN {
                throw SerialError.system("read", path: path, errno: value, fallback: .read)
            }
            do throws(SerialError) {
                try wait(fd, for: Int16(POLLIN), until: deadline, call: "read", transferred: 0, requested: 0)
            } catch {
                if error.code == .timeout { return [] }
                throw error
            }
        }
    }

    /// Waits in `poll` until `fd` is ready for `events` or `deadline` passes.
    private func wait(
        _ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant, call: String,
        transferred: Int, requested: Int
    ) throws(SerialError) {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw SerialError(.timeout, call: "\(call) \(path)", transferred: transferred, requested: requested)
            }
            let milliseconds = Int32(min(60_000, (left / .milliseconds(1)).rounded(.up)))
            var request = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 {
                let value = errno
                if value == EINTR { continue }
                throw SerialError.system(
                    "poll", path: path, errno: value, fallback: .poll, transferred: transferred, requested: requested)
            }
            if ready == 0 { continue }
            if request.revents & events != 0 { return }
            if request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                throw SerialError(
                    .unplugged, call: "poll \(path)", transferred: transferred, requested: requested)
            }
        }
    }
}

extension SerialPort {
    /// termios speed constants for the bauds displays use.
    static func speed(for baud: Int) -> speed_t? {
        let value: Int32? =
            switch baud {
            case 2400: B2400
            case 4800: B4800
            case 9600: B9600
            case 19200: B19200
            case 38400: B38400
            case 57600: B57600
            case 115200: B115200
            default: nil
            }
        return value.map { speed_t($0) }
    }

    /// Raw mode plus the profile's framing, applied and then read back: `tcsetattr` succeeds when *any* of
    /// the changes was applied, so the read-back is what proves the adapter really runs at the profile's speed.
    static func configure(_ fd: Int32, path: String, settings: DisplaySerialSettings, speed: speed_t)
        throws(SerialError)
    {
        var options = termios()
        guard tcgetattr(fd, &options) == 0 else {
            throw SerialError.system("tcgetattr", path: path, errno: errno, fallback: .tcgetattr)
        }
        cfmakeraw(&options)
        cfsetispeed(&options, speed)
        cfsetospeed(&options, speed)
        options.c_cflag &= ~tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        options.c_cflag &= ~tcflag_t(truncatingIfNeeded: CRTSCTS)
        options.c_cflag |= tcflag_t(settings.dataBits == 7 ? CS7 : CS8) | tcflag_t(CLOCAL | CREAD)
        switch settings.parity {
        case .none: break
        case .even: options.c_cflag |= tcflag_t(PARENB)
        case .odd: options.c_cflag |= tcflag_t(PARENB | PARODD)
        }
        if settings.stopBits == 2 { options.c_cflag |= tcflag_t(CSTOPB) }
        options.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &options.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &options) == 0 else {
            throw SerialError.system("tcsetattr", path: path, errno: errno, fallback: .tcsetattr)
        }
        var applied = termios()
        guard tcgetattr(fd, &applied) == 0 else {
            throw SerialError.system("tcgetattr", path: path, errno: errno, fallback: .tcgetattr)
        }
        let framing = tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        guard cfgetospeed(&applied) == speed, applied.c_cflag & framing == options.c_cflag & framing else {
            throw SerialError(.tcsetattr, call: "tcsetattr \(path) (\(settings.summary))")
        }
        tcflush(fd, TCIOFLUSH)
    }
}
