internal import Glibc
internal import DeviceProtocols

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
