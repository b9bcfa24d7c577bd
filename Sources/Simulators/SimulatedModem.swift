public import DeviceProtocols
import NIOConcurrencyHelpers

/// A GSM modem without hardware: answers the AT text-mode dialogue the way a SIM800 does (echo until `ATE0`,
/// `> ` after `AT+CMGS`, `+CMGS: <ref>` after Ctrl-Z) and keeps every message it "sent", decoded from GSM or
/// UCS-2 as the modem was told. `serve --devices simulated` sends through it (the log and the devices page show the
/// messages); tests read the bytes. `failure` makes it act like a modem without SIM, network, or one the network
/// refuses; `unplugged` like a port that is gone.
public final class SimulatedModem: ModemLink {
    /// A message as the phone would receive it.
    public struct Message: Sendable, Equatable {
        public let recipient: String
        public let text: String

        public init(recipient: String, text: String) {
            self.recipient = recipient
            self.text = text
        }
    }

    /// What goes wrong, on purpose.
    public enum Failure: Sendable, Equatable {
        case noSIM, noNetwork
        case refused(Int)
    }

    struct State {
        var echo = true
        var ucs2 = false
        var line: [UInt8] = []
        var recipient: String?
        var text: [UInt8] = []
        var pending: [UInt8] = []
        var received: [UInt8] = []
        var messages: [Message] = []
        var reference = 0
        var failure: Failure?
        var unplugged = false
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    public var messages: [Message] { state.withLockedValue { $0.messages } }
    /// Every byte the modem was sent, in order.
    public var received: [UInt8] { state.withLockedValue { $0.received } }
    public func setFailure(_ failure: Failure?) { state.withLockedValue { $0.failure = failure } }
    public func setUnplugged(_ unplugged: Bool) { state.withLockedValue { $0.unplugged = unplugged } }

    public func write(_ bytes: [UInt8]) throws(ModemError) {
        let unplugged = state.withLockedValue { state in
            guard !state.unplugged else { return true }
            state.received += bytes
            for byte in bytes { Self.take(byte, &state) }
            return false
        }
        if unplugged { throw ModemError(.unavailable, "Modem mô phỏng đã rút.", "The simulated modem is unplugged.") }
    }

    public func read(timeout: Duration) throws(ModemError) -> [UInt8] {
        state.withLockedValue { state in
            defer { state.pending = [] }
            return state.pending
        }
    }

    /// The modem's answer to every byte, as the pty test's far end uses it too.
    public func respond(to bytes: [UInt8]) -> [UInt8] {
        state.withLockedValue { state in
            guard !state.unplugged else { return [] }
            state.received += bytes
            for byte in bytes { Self.take(byte, &state) }
            defer { state.pending = [] }
            return state.pending
        }
    }

    static func take(_ byte: UInt8, _ state: inout State) {
        if let recipient = state.recipient {
            switch byte {
            case 0x1A:
                let raw = String(decoding: state.text, as: UTF8.self)
                let text = state.ucs2 ? (SMSText.decodeHex(raw) ?? raw) : raw
                state.recipient = nil
                state.text = []
                if case .refused(let code) = state.failure {
                    reply("+CMS ERROR: \(code)", &state)
                    return
                }
                state.reference += 1
                state.messages.append(Message(recipient: recipient, text: text))
                reply("+CMGS: \(state.reference)", &state)
                reply("OK", &state)
            case 0x1B:
                state.recipient = nil
                state.text = []
            default: state.text.append(byte)
            }
            return
        }
        if state.echo { state.pending.append(byte) }
        guard byte == 0x0D else {
            if byte != 0x0A { state.line.append(byte) }
            return
        }
        let command = String(decoding: state.line, as: UTF8.self)
        state.line = []
        execute(command, &state)
    }

    static func execute(_ command: String, _ state: inout State) {
        switch command {
        case "AT", "AT+CMGF=1", "AT+CSMP=17,167,0,0", "AT+CSMP=17,167,0,8": reply("OK", &state)
        case "ATE0":
            state.echo = false
            reply("OK", &state)
        case "AT+CPIN?":
            reply(state.failure == .noSIM ? "+CME ERROR: 10" : "+CPIN: READY", &state)
            if state.failure != .noSIM { reply("OK", &state) }
        case "AT+CREG?":
            reply(state.failure == .noNetwork ? "+CREG: 0,2" : "+CREG: 0,1", &state)
            reply("OK", &state)
        case "AT+CSCS=\"GSM\"", "AT+CSCS=\"UCS2\"":
            state.ucs2 = command.contains("UCS2")
            reply("OK", &state)
        default:
            guard command.hasPrefix("AT+CMGS=\""), command.hasSuffix("\"") else { return reply("ERROR", &state) }
            let raw = String(command.dropFirst(9).dropLast())
            state.recipient = state.ucs2 ? (SMSText.decodeHex(raw) ?? raw) : raw
            state.pending += Array("\r\n> ".utf8)
        }
    }

    static func reply(_ line: String, _ state: inout State) {
        state.pending += Array("\r\n\(line)\r\n".utf8)
    }
}
