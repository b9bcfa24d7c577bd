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
