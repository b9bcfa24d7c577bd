import DeviceProtocols
import Foundation
import Glibc
import Testing

@testable import DeviceIO

/// The termios transport against a real pseudo-terminal pair (`openpty`): the slave end stands in for
/// /dev/ttyUSB0, the master end is the display.
@Suite struct SerialPortTests {
    /// A pty pair; the test's own slave descriptor is kept open for `tcgetattr` checks.
    final class PseudoTerminal {
        var master: Int32 = -1
        var slave: Int32 = -1
        let path: String

        init() throws {
            var name = [CChar](repeating: 0, count: 128)
            guard openpty(&master, &slave, nil, nil, nil) == 0, ttyname_r(slave, &name, name.count) == 0 else {
                throw POSIXError(.ENODEV)
            }
            path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        func closeMaster() {
            if master >= 0 { close(master) }
            master = -1
        }

        deinit {
            closeMaster()
            close(slave)
        }

        /// Exactly `count` bytes from the master end, or fewer if `timeout` passes first.
        func readMaster(count: Int, timeout: Duration = .seconds(2)) -> [UInt8] {
            let deadline = ContinuousClock.now + timeout
            var bytes: [UInt8] = []
            while bytes.count < count, ContinuousClock.now < deadline {
                var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 100) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: count - bytes.count)
                let got = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if got > 0 { bytes += buffer.prefix(got) } else { break }
            }
            return bytes
        }

        func writeMaster(_ bytes: [UInt8]) {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            #expect(written == bytes.count)
        }

        /// The slave's termios, what the "device" really runs at.
        func attributes() -> termios {
            var options = termios()
            #expect(tcgetattr(slave, &options) == 0)
            return options
        }
    }

    static func modbusEncoder() throws -> DisplayEncoder {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("devices/displays")
        let profiles = try DisplayProfiles.load(directory: directory)
        return try DisplayEncoder(profile: try #require(profiles.first { $0.id == "led-modbus-rtu-4digit" }))
    }

    @Test func encodedFrameArrivesByteExact() throws {
        let pty = try PseudoTerminal()
        let encoder = try Self.modbusEncoder()
        let port = try SerialPort(path: pty.path, settings: encoder.profile.serial)
        let frame = try encoder.frame(for: CounterDisplayState(counter: 3, label: "A012"), address: 1)
        #expect(frame == [0x01, 0x10, 0x00, 0x80, 0x00, 0x02, 0x04, 0x77, 0x3F, 0x06, 0x5B, 0x92, 0x2C])
        try port.write(frame)
        #expect(pty.readMaster(count: frame.count) == frame)
        // Raw mode: LF is not turned into CR LF, CR/NUL/0xFF/XON/XOFF/^C pass through untouched.
        let awkward: [UInt8] = [0x0A, 0x0D, 0x00, 0xFF, 0x11, 0x13, 0x03, 0x7F]
        try port.write(awkward)
        #expect(pty.readMaster(count: awkward.count) == awkward)
    }

    @Test func termiosReallyApplied() throws {
        let pty = try PseudoTerminal()
        do {
            let port = try SerialPort(path: pty.path, settings: .standard)
            let options = pty.attributes()
            var copy = options
            #expect(cfgetospeed(&copy) == speed_t(B9600) && cfgetispeed(&copy) == speed_t(B9600))
            #expect(options.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
            #expect(options.c_cflag & tcflag_t(PARENB) == 0)
            #expect(options.c_cflag & tcflag_t(CSTOPB) == 0)
            #expect(options.c_cflag & tcflag_t(CLOCAL | CREAD) == tcflag_t(CLOCAL | CREAD))
            #expect(options.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)
            #expect(options.c_oflag & tcflag_t(OPOST) == 0)
            #expect(options.c_iflag & tcflag_t(IXON | IXOFF | ICRNL) == 0)
            port.close()
        }
        // 19200 8N2: speed and stop bits stick on a pty.
        let port = try SerialPort(
            path: pty.path, settings: DisplaySerialSettings(baud: 19200, dataBits: 8, parity: .none, stopBits: 2))
        let options = pty.attributes()
        var copy = options
        #expect(cfgetospeed(&copy) == speed_t(B19200))
        #expect(options.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(options.c_cflag & tcflag_t(CSTOPB) == tcflag_t(CSTOPB))
        port.close()
    }

    /// Linux's pty driver forces CS8 and clears PARENB on every tcsetattr (drivers/tty/pty.c,
    /// pty_set_termios), like a USB-serial chip that cannot do a framing. tcsetattr still returns 0, so only
    /// the read-back catches it: the port refuses to run with framing other than the profile's.
    @Test(arguments: [
        DisplaySerialSettings(baud: 9600, dataBits: 7, parity: .none, stopBits: 1),
        DisplaySerialSettings(baud: 9600, dataBits: 8, parity: .even, stopBits: 1),
        DisplaySerialSettings(baud: 4800, dataBits: 7, parity: .odd, stopBits: 2),
    ])
    func framingTheDriverIgnoresIsRefused(settings: DisplaySerialSettings) throws {
        let pty = try PseudoTerminal()
        do {
            _ = try SerialPort(path: pty.path, settings: settings)
            Issue.record("pty accepted \(settings.summary)")
        } catch {
            #expect(error.code == .tcsetattr)
            #expect(error.call == "tcsetattr \(pty.path) (\(settings.summary))")
        }
        // The refused port was closed again: a correct open works (the flock was released).
        _ = try SerialPort(path: pty.path, settings: .standard)
    }

    @Test func readsWhatTheDisplaySendsAndTimesOutEmpty() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.path, settings: .standard)
        let start = ContinuousClock.now
        #expect(try port.read(max: 16, timeout: .milliseconds(100)).isEmpty)
        #expect(ContinuousClock.now - start >= .milliseconds(90))
        pty.writeMaster([0x06, 0x41, 0x0D])
        #expect(try port.read(max: 16, timeout: .seconds(2)) == [0x06, 0x41, 0x0D])
    }

    /// Linux: once the master (the "device") is closed, a write on the slave fails with EIO, which is what a
    /// USB-serial adapter pulled out gives too; both are reported as `.unplugged`.
    @Test func closedMasterMeansUnplugged() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.path, settings: .standard)
        try port.write([0x0C])
        pty.closeMaster()
        do {
            try port.write([0x1B, 0x40])
            Issue.record("write after hang-up succeeded")
        } catch {
            #expect(error.code == .unplugged)
            #expect(error.meansUnplugged)
            #expect(error.errno == EIO)
            #expect(error.call == "write \(pty.path)")
            #expect(error.englishMessage.contains("unplugged") && error.englishMessage.contains("0 of 2 bytes"))
            #expect(error.message.contains("rút ra"))
        }
    }

    /// A display that never takes its bytes (nobody reads the master, the pty buffer fills): the write gives
    /// up after `writeTimeout` and says how far it got.
    @Test func stuckDisplayTimesOut() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.path, settings: .standard, writeTimeout: .milliseconds(100))
        let bytes = [UInt8](repeating: 0x20, count: 1 << 20)
        let start = ContinuousClock.now
        do {
            try port.write(bytes)
            Issue.record("1 MiB went into a pty nobody reads")
        } catch {
            #expect(error.code == .timeout)
            #expect(error.transferred > 0 && error.transferred < bytes.count)
            #expect(error.requested == bytes.count)
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(95) && elapsed < .seconds(10))  // a 100 ms timeout; slack for ThreadSanitizer on a loaded box
    }

    @Test func closedPortRefusesWrites() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.path, settings: .standard)
        #expect(port.isOpen)
        port.close()
        port.close()
        #expect(!port.isOpen)
        #expect(throws: SerialError(.closed, call: "write \(pty.path)", requested: 1)) { try port.write([0]) }
        #expect(throws: SerialError(.closed, call: "read \(pty.path)")) { try port.read(max: 1, timeout: .zero) }
    }

    @Test func secondOpenOfTheSamePortIsBusy() throws {
        let pty = try PseudoTerminal()
        let first = try SerialPort(path: pty.path, settings: .standard)
        #expect(throws: SerialError.self) { try SerialPort(path: pty.path, settings: .standard) }
        do {
            _ = try SerialPort(path: pty.path, settings: .standard)
        } catch {
            #expect(error.code == .busy && error.call == "flock \(pty.path)")
        }
        first.close()
        _ = try SerialPort(path: pty.path, settings: .standard)
    }

    @Test(arguments: [
        ("/dev/ttyUSB-khongcho-missing", DisplaySerialSettings.standard, SerialError.Code.notFound, "open"),
        ("/dev/null", .standard, .tcgetattr, "tcgetattr"),
        (
            "/dev/null", DisplaySerialSettings(baud: 9601, dataBits: 8, parity: .none, stopBits: 1),
            .unsupportedSettings, "open"
        ),
        (
            "/dev/null", DisplaySerialSettings(baud: 9600, dataBits: 6, parity: .none, stopBits: 1),
            .unsupportedSettings, "open"
        ),
    ])
    func openFailuresSayWhy(path: String, settings: DisplaySerialSettings, code: SerialError.Code, call: String) {
        do {
            _ = try SerialPort(path: path, settings: settings)
            Issue.record("opened \(path)")
        } catch {
            #expect(error.code == code)
            #expect(error.call.hasPrefix("\(call) \(path)"))
        }
    }
}
