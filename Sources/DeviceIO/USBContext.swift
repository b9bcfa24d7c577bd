internal import CLibUSB

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
