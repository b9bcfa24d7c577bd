/// The AT text-mode dialogue that sends one message (3GPP TS 27.005), byte for byte:
///
///     ATE0⏎ → OK            echo off, so replies are only replies
///     AT+CPIN?⏎ → +CPIN: READY, OK      AT+CREG?⏎ → +CREG: 0,1 (or 0,5 roaming), OK     (when checkNetwork)
///     AT+CMGF=1⏎ → OK       text mode
///     AT+CSCS="GSM"⏎ → OK   or "UCS2"
///     AT+CSMP=17,167,0,0⏎ → OK   data coding 0 (GSM) or 8 (UCS-2)
///     AT+CMGS="+84903123456"⏎ → "> "   (the number hex-encoded in UCS-2)
///     <text><Ctrl-Z> → +CMGS: <ref>, OK   or +CMS ERROR: <n>
///
/// Every step has its timeout and its error in words; an unexpected `ERROR` names the command.
public struct SMSModemSession: Sendable {
    public let link: any ModemLink
    public let profile: ModemProfile
    let buffer = LineBuffer()

    public init(link: any ModemLink, profile: ModemProfile) {
        self.link = link
        self.profile = profile
    }

    /// Sends `text` to `phone`; returns the network's message reference.
    public func send(to phone: String, text: String) throws(ModemError) -> Int {
        do {
            _ = try command("ATE0")
        } catch  where error.code == .timeout {
            throw ModemError(
                .noAnswer, "Modem không trả lời lệnh AT; kiểm tra cáp USB và nguồn của modem.",
                "The modem does not answer AT; check its USB cable and power.")
        }
        if profile.checkNetwork { try checkNetwork() }
        _ = try command("AT+CMGF=1")
        _ = try command(profile.charset == .ucs2 ? "AT+CSCS=\"UCS2\"" : "AT+CSCS=\"GSM\"")
        _ = try command(profile.charset == .ucs2 ? "AT+CSMP=17,167,0,8" : "AT+CSMP=17,167,0,0")
        try link.write(Array("AT+CMGS=\"\(SMSText.recipient(phone, charset: profile.charset))\"\r".utf8))
        try awaitPrompt()
        try link.write(SMSText.payload(text, charset: profile.charset) + [0x1A])
        return try awaitReference()
    }

    func checkNetwork() throws(ModemError) {
        let pin = try command("AT+CPIN?")
        guard pin.contains("+CPIN: READY") else {
            throw ModemError(
                .simNotReady, "Thẻ SIM của modem chưa sẵn sàng (\(pin.joined(separator: " "))); kiểm tra SIM và mã PIN.",
                "The modem's SIM is not ready (\(pin.joined(separator: " "))); check the SIM and its PIN.")
        }
        let registration = try command("AT+CREG?")
        guard registration.contains(where: { $0.hasPrefix("+CREG:") && ($0.hasSuffix(",1") || $0.hasSuffix(",5")) }) else {
            throw ModemError(
                .notRegistered, "Modem chưa đăng ký được mạng di động (\(registration.joined(separator: " "))); kiểm tra sóng và SIM.",
                "The modem is not registered on the network (\(registration.joined(separator: " "))); check signal and SIM.")
        }
    }

    /// Sends one command and returns the lines before its `OK`.
    func command(_ text: String) throws(ModemError) -> [String] {
        try link.write(Array("\(text)\r".utf8))
        var lines: [String] = []
        let deadline = ContinuousClock.now + .milliseconds(Int(profile.commandTimeout * 1000))
        while let line = try nextLine(until: deadline) {
            if line == "OK" { return lines }
            if line == "ERROR" || line.hasPrefix("+CME ERROR") || line.hasPrefix("+CMS ERROR") {
                throw ModemError(
                    .commandFailed, "Modem từ chối lệnh \(text): \(line).", "The modem refused \(text): \(line).")
            }
            if line != text { lines.append(line) }
        }
        throw ModemError(.timeout, "Modem không trả lời lệnh \(text) kịp thời.", "The modem did not answer \(text) in time.")
    }

    func awaitPrompt() throws(ModemError) {
        let deadline = ContinuousClock.now + .milliseconds(Int(profile.commandTimeout * 1000))
        while !buffer.takePrompt() {
            if let line = buffer.takeLine(), line.contains("ERROR") {
                throw ModemError(.commandFailed, "Modem từ chối AT+CMGS: \(line).", "The modem refused AT+CMGS: \(line).")
            }
            guard ContinuousClock.now < deadline else {
                throw ModemError(.timeout, "Modem không mở ô nhập tin nhắn (> ).", "The modem did not prompt for the text (> ).")
            }
            buffer.append(try link.read(timeout: .milliseconds(100)))
        }
    }

    func awaitReference() throws(ModemError) -> Int {
        let deadline = ContinuousClock.now + .milliseconds(Int(profile.sendTimeout * 1000))
        var reference: Int?
        while let line = try nextLine(until: deadline) {
            if line.hasPrefix("+CMGS:") { reference = Int(line.dropFirst(6).trimmingSpaces) }
            if line == "OK", let reference { return reference }
            if line.hasPrefix("+CMS ERROR:") || line == "ERROR" {
                let code = line.hasPrefix("+CMS ERROR:") ? String(line.dropFirst(11).trimmingSpaces) : "?"
                throw ModemError(
                    .refused, "Mạng từ chối tin nhắn (mã lỗi \(code)); sẽ thử lại sau.",
                    "The network refused the message (+CMS ERROR \(code)); it will be retried: \(code)")
            }
        }
        throw ModemError(
            .timeout, "Mạng không xác nhận tin nhắn sau \(Int(profile.sendTimeout)) giây; sẽ thử lại sau.",
            "The network did not confirm the message within \(Int(profile.sendTimeout)) s; it will be retried.")
    }

    /// The next non-empty line before `deadline`, or nil when time ran out.
    func nextLine(until deadline: ContinuousClock.Instant) throws(ModemError) -> String? {
        while true {
            if let line = buffer.takeLine() { return line }
            guard ContinuousClock.now < deadline else { return nil }
            buffer.append(try link.read(timeout: .milliseconds(100)))
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        return self[start...]
    }
}
