import CLibUSB
public import DeviceProtocols

/// A claimed ticket printer: write ESC/POS bytes, read, ask for status, close.
///
/// Every libusb call runs on this connection's own serial queue, so a printer that stalls or vanishes
/// mid-ticket blocks only that queue, never the server's cooperative threads, and calls never interleave.
public final class USBPrinterConnection: @unchecked Sendable {
    public let device: USBDeviceInfo
    public let endpoints: PrinterEndpoints
    public let options: USBPrinterOptions
    private let queue: USBBlockingQueue
    /// Touched only on `queue` (and in `deinit`, when nothing else can reach it); this is what makes the
    /// `@unchecked Sendable` sound.
    private var handle: USBDeviceHandle?
    /// Keeps libusb alive as long as the handle is.
    private let context: USBContext

    private init(context: USBContext, device: USBDeviceInfo, endpoints: PrinterEndpoints, options: USBPrinterOptions) {
        self.context = context
        self.device = device
        self.endpoints = endpoints
        self.options = options
        queue = USBBlockingQueue(label: "khongcho.usb.printer.\(device.id)")
    }

    /// Opens `device`, detaches the kernel printer driver and claims the printer interface.
    /// - Parameter endpoints: from `PrinterMatch.endpoints`; found from the descriptor when nil.
    public static func open(
        _ device: USBDeviceInfo, in context: USBContext, endpoints: PrinterEndpoints? = nil,
        options: USBPrinterOptions = .default
    ) async throws(USBError) -> USBPrinterConnection {
        let chosen: PrinterEndpoints
        if let endpoints { chosen = endpoints } else { chosen = try PrinterEndpoints.select(from: device) }
        let connection = USBPrinterConnection(context: context, device: device, endpoints: chosen, options: options)
        try await connection.onQueue { connection throws(USBError) in
            connection.handle = try USBDeviceHandle(context: context, device: device, endpoints: chosen)
        }
        return connection
    }

    /// Sends `bytes` to the bulk OUT endpoint in `options.chunkSize` pieces and returns how many were sent
    /// (all of them). On failure the thrown error's `transferred` says how far the ticket got.
    @discardableResult
    public func write(_ bytes: [UInt8]) async throws(USBError) -> Int {
        try await onQueue { connection throws(USBError) in try connection.writeBlocking(bytes) }
    }

    /// One bulk IN read of at most `max` bytes; throws `.timeout` when nothing arrived in time.
    public func read(max: Int = 64, timeout: Duration = .milliseconds(200)) async throws(USBError) -> [UInt8] {
        try await onQueue { connection throws(USBError) in try connection.readBlocking(max: max, timeout: timeout) }
    }

    /// Releases the interface and closes the device. Safe to call more than once, and after an unplug.
    public func close() async {
        _ = try? await onQueue { connection throws(USBError) in
            connection.handle?.close()
            connection.handle = nil
        }
    }

    /// Whether `close()` has run (or opening failed).
    public var isClosed: Bool {
        get async { (try? await onQueue { connection throws(USBError) in connection.handle == nil }) ?? true }
    }

    deinit {
        handle?.close()
    }

    /// Runs `work` on the connection's queue; `self` is passed in so the closure captures nothing else mutable.
    func onQueue<T: Sendable>(
        _ work: @escaping @Sendable (USBPrinterConnection) throws(USBError) -> T
    ) async throws(USBError) -> T {
        try await queue.run { () throws(USBError) -> T in try work(self) }
    }

    func openHandle(_ call: String) throws(USBError) -> USBDeviceHandle {
        guard let handle, handle.pointer != nil else { throw USBError(.closed, call: call) }
        return handle
    }
}

extension USBPrinterConnection {
    /// Opens a matched printer with the endpoints the matcher found.
    public static func open(
        _ match: PrinterMatch, in context: USBContext, options: USBPrinterOptions = .default
    ) async throws(USBError) -> USBPrinterConnection {
        guard let endpoints = match.endpoints else {
            throw USBError(
                .noPrinterInterface, call: "USBPrinterConnection.open(\(match.device.id) \(match.device.vidPid))")
        }
        return try await open(match.device, in: context, endpoints: endpoints, options: options)
    }
}

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

extension USBPrinterConnection {
    func writeBlocking(_ bytes: [UInt8]) throws(USBError) -> Int {
        let handle = try openHandle("write")
        var buffer = bytes
        var sent = 0
        var clearedStall = false
        while sent < buffer.count {
            let length = min(options.chunkSize, buffer.count - sent)
            let (result, moved) = buffer.withUnsafeMutableBufferPointer { all in
                handle.bulk(
                    endpoint: endpoints.outAddress, UnsafeMutableBufferPointer(rebasing: all[sent..<sent + length]),
                    timeout: options.writeTimeout)
            }
            sent += moved
            if result == LIBUSB_ERROR_PIPE.rawValue && !clearedStall {
                // A stalled OUT endpoint is cleared once (not reset) and the rest of the chunk retried.
                clearedStall = true
                if handle.clearHalt(endpoint: endpoints.outAddress) == 0 { continue }
            }
            if result != 0 {
                throw USBError(
                    libusbCode: result, call: "libusb_bulk_transfer(OUT 0x\(USBDeviceInfo.hex2(endpoints.outAddress)))",
                    transferred: sent, requested: bytes.count)
            }
        }
        return sent
    }

    func readBlocking(max: Int, timeout: Duration) throws(USBError) -> [UInt8] {
        let handle = try openHandle("read")
        guard let input = endpoints.inAddress else { throw USBError(.noInputEndpoint, call: "read") }
        var buffer = [UInt8](repeating: 0, count: Swift.max(1, max))
        let (result, moved) = buffer.withUnsafeMutableBufferPointer {
            handle.bulk(endpoint: input, $0, timeout: timeout)
        }
        // A timeout after some bytes arrived is a short read, not a failure.
        if result != 0 && !(result == LIBUSB_ERROR_TIMEOUT.rawValue && moved > 0) {
            throw USBError(libusbCode: result, call: "libusb_bulk_transfer(IN 0x\(USBDeviceInfo.hex2(input)))")
        }
        return Array(buffer.prefix(moved))
    }
}

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
