public import DeviceProtocols

extension USBPrinterConnection {
    /// Asks `DLE EOT n` and returns the printer's one-byte answer, or nil when none came within
    /// `options.statusTimeout` — which is what an offline (or powered-off but still enumerated) printer does.
    /// Throws `.noDevice` when the printer is unplugged and `.noInputEndpoint` for a one-way printer.
    public func status(_ request: PrinterStatusRequest) async throws(USBError) -> UInt8? {
        try await onQueue { connection throws(USBError) in try connection.statusBlocking(request) }
    }

    /// Asks `DLE EOT 1`, then — only if that was answered — `DLE EOT 2` and `DLE EOT 4`, and returns the
    /// replies by request (a missing key is a missing reply). Feed it to `PrinterStatus(replies:)`. Skipping
    /// 2 and 4 for a silent printer keeps an offline check at one timeout instead of three.
    public func statusReplies() async throws(USBError) -> [PrinterStatusRequest: UInt8] {
        try await onQueue { connection throws(USBError) in
            guard let printer = try connection.statusBlocking(.printer) else { return [:] }
            var replies: [PrinterStatusRequest: UInt8] = [.printer: printer]
            for request in [PrinterStatusRequest.offlineCause, .paper] {
                replies[request] = try connection.statusBlocking(request)
            }
            return replies
        }
    }

    func statusBlocking(_ request: PrinterStatusRequest) throws(USBError) -> UInt8? {
        guard endpoints.inAddress != nil else { throw USBError(.noInputEndpoint, call: "status") }
        try drainBlocking()
        try sendCommandBlocking(request.command)
        do {
            let answer = try readBlocking(max: Int(endpoints.inMaxPacketSize), timeout: options.statusTimeout)
            // The newest byte is the answer; anything before it arrived late from an earlier request.
            return answer.last
        } catch  where error.code == .timeout {
            return nil
        }
    }

    /// Throws away input that arrived after an earlier status request had already given up on it.
    private func drainBlocking() throws(USBError) {
        for _ in 0..<4 {
            do {
                _ = try readBlocking(max: Int(endpoints.inMaxPacketSize), timeout: options.drainTimeout)
            } catch  where error.code == .timeout {
                return
            }
        }
    }

    private func sendCommandBlocking(_ command: [UInt8]) throws(USBError) {
        _ = try writeBlocking(command)
    }
}
