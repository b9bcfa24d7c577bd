import DeviceProtocols
import Foundation
import Glibc
import NIOConcurrencyHelpers
import Simulators
import Testing

@testable import DeviceIO

/// The AT dialogue over a real tty: the pty's slave end is the modem's /dev/ttyUSB port, and a thread on the master
/// end answers as a SIM800 does (the simulated modem's replies), so the bytes cross termios both ways.
@Suite struct SerialModemLinkTests {
    @Test func aMessageCrossesAPseudoTerminalByteForByte() throws {
        let pty = try SerialPortTests.PseudoTerminal()
        let modem = SimulatedModem()
        let stop = ManagedAtomicFlag()
        let master = pty.master
        let farEnd = Thread {
            while !stop.isSet {
                var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 50) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 256)
                let got = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                guard got > 0 else { continue }
                let reply = modem.respond(to: Array(buffer.prefix(got)))
                if !reply.isEmpty { _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) } }
            }
        }
        farEnd.start()
        defer { stop.set() }
        let profile = ModemProfile(id: "sim800-ucs2", name: "t", charset: .ucs2, commandTimeout: 2, sendTimeout: 2)
        let link = try SerialModemLink(path: pty.path, profile: profile)
        let reference = try SMSModemSession(link: link, profile: profile).send(to: "0912345678", text: "Đã đặt lịch 09:00")
        #expect(reference == 1)
        #expect(modem.messages == [.init(recipient: "+84912345678", text: "Đã đặt lịch 09:00")])
        #expect(String(decoding: modem.received, as: UTF8.self).hasPrefix("ATE0\rAT+CPIN?\rAT+CREG?\rAT+CMGF=1\rAT+CSCS=\"UCS2\"\r"))
        // A port that is not there (unplugged, wrong path) is refused as unavailable, in words.
        stop.set()
        link.close()
        #expect(throws: ModemError.self) { try SerialModemLink(path: "/dev/ttyUSB-absent", profile: profile) }
    }
}

/// A flag the far-end thread polls.
final class ManagedAtomicFlag: Sendable {
    private let value = NIOLockedValueBox(false)
    var isSet: Bool { value.withLockedValue { $0 } }
    func set() { value.withLockedValue { $0 = true } }
}
