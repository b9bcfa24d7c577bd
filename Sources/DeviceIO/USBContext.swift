import CLibUSB
import Dispatch

/// One libusb session (`libusb_context`): the root every enumeration, connection and monitor hangs from.
///
/// libusb contexts are thread-safe, so this is shared freely; connections and monitors keep a strong
/// reference, which guarantees `libusb_exit` runs only after the last of them is gone.
public final class USBContext: @unchecked Sendable {
    let pointer: OpaquePointer
    private let queue = USBBlockingQueue(label: "khongcho.usb.context")

    public init() throws(USBError) {
        var context: OpaquePointer?
        try USBError.check(libusb_init(&context), "libusb_init")
        guard let context else { throw USBError(.other, call: "libusb_init") }
        pointer = context
    }

    deinit {
        libusb_exit(pointer)
    }

    /// Whether libusb can deliver hot-plug callbacks here (Linux: yes, through udev or netlink).
    public var supportsHotplug: Bool {
        libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0
    }

    /// libusb's version, e.g. "1.0.26", for `khongcho devices` and bug reports.
    public static var libusbVersion: String {
        guard let version = libusb_get_version()?.pointee else { return "unknown" }
        return "\(version.major).\(version.minor).\(version.micro)"
    }

    /// Every attached device. Reading strings opens each device briefly (a control transfer, no claim); devices
    /// the service may not open simply have nil strings.
    public func devices(readingStrings: Bool = true) async throws(USBError) -> [USBDeviceInfo] {
        try await queue.run { () throws(USBError) -> [USBDeviceInfo] in
            try self.enumerate(readingStrings: readingStrings)
        }
    }
}

extension USBContext {
    /// Blocking enumeration; call it from a dispatch queue or the monitor's thread, never from the pool.
    func enumerate(readingStrings: Bool) throws(USBError) -> [USBDeviceInfo] {
        try withDeviceList { devices throws(USBError) in
            devices.compactMap { device in
                guard let info = USBDescriptorReader.info(for: device) else { return nil }
                return readingStrings ? USBDescriptorReader.withStrings(info, device: device) : info
            }
        }
    }

    /// Calls `body` with the current `libusb_device` pointers; they are valid only inside `body`.
    func withDeviceList<T>(_ body: ([OpaquePointer]) throws(USBError) -> T) throws(USBError) -> T {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(pointer, &list)
        guard count >= 0, let list else {
            throw USBError(libusbCode: Int32(truncatingIfNeeded: count), call: "libusb_get_device_list")
        }
        defer { libusb_free_device_list(list, 1) }
        let devices = (0..<Int(count)).compactMap { list[$0] }
        return try body(devices)
    }

    /// Opens the device at `id`, checking it is still the same VID:PID (addresses are reused after replugs).
    func openHandle(for info: USBDeviceInfo) throws(USBError) -> OpaquePointer {
        try withDeviceList { devices throws(USBError) -> OpaquePointer in
            let device = devices.first { device in
                libusb_get_bus_number(device) == info.id.bus && libusb_get_device_address(device) == info.id.address
            }
            guard let device, let current = USBDescriptorReader.info(for: device),
                current.vendorID == info.vendorID, current.productID == info.productID
            else {
                throw USBError(.noDevice, call: "libusb_open(\(info.id) \(info.vidPid))")
            }
            var handle: OpaquePointer?
            try USBError.check(libusb_open(device, &handle), "libusb_open(\(info.id) \(info.vidPid))")
            guard let handle else { throw USBError(.other, call: "libusb_open") }
            return handle
        }
    }
}

extension USBContext {
    /// Lets libusb deliver hot-plug callbacks and finish transfers for up to `timeout`; returns early on events.
    func handleEvents(timeout: Duration) {
        let milliseconds = Int(timeout.libusbMilliseconds)
        var interval = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        _ = libusb_handle_events_timeout_completed(pointer, &interval, nil)
    }

    /// Wakes a thread blocked in `handleEvents` (used to stop the monitor promptly).
    func interruptEventHandler() {
        libusb_interrupt_event_handler(pointer)
    }
}

/// Runs blocking libusb calls on a serial dispatch queue instead of the Swift cooperative pool.
///
/// A bulk transfer to a printer that is out of paper blocks for its whole timeout; on the cooperative pool
/// that would park one of the few threads that also serve HTTP requests. Serial, so the calls for one device
/// never interleave (a status request cannot land in the middle of a ticket).
struct USBBlockingQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws(USBError) -> T) async throws(USBError) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, USBError>, Never>) in
            queue.async {
                continuation.resume(returning: Result { () throws(USBError) -> T in try work() })
            }
        }
        return try result.get()
    }
}
