internal import CLibUSB

/// An open `libusb_device_handle` with the printer interface claimed: the blocking half of
/// `USBPrinterConnection`. Not thread-safe on purpose; its owner touches it only from one serial queue.
final class USBDeviceHandle {
    private(set) var pointer: OpaquePointer?
    let endpoints: PrinterEndpoints

    /// Opens and claims. The kernel's `usblp` driver is detached automatically (and re-attached on release)
    /// instead of by hand, and the device is never reset: a reset makes cheap printers drop their buffer
    /// and sometimes re-enumerate under a new address.
    init(context: USBContext, device: USBDeviceInfo, endpoints: PrinterEndpoints) throws(USBError) {
        let handle = try context.openHandle(for: device)
        self.endpoints = endpoints
        pointer = handle
        do {
            let detach = libusb_set_auto_detach_kernel_driver(handle, 1)
            // NOT_SUPPORTED only on systems without kernel drivers to detach (not Linux); claiming still works.
            if detach != LIBUSB_ERROR_NOT_SUPPORTED.rawValue {
                try USBError.check(detach, "libusb_set_auto_detach_kernel_driver")
            }
            let interface = Int32(endpoints.interfaceNumber)
            try USBError.check(libusb_claim_interface(handle, interface), "libusb_claim_interface(\(interface))")
            if endpoints.alternateSetting != 0 {
                try USBError.check(
                    libusb_set_interface_alt_setting(handle, interface, Int32(endpoints.alternateSetting)),
                    "libusb_set_interface_alt_setting")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// One bulk transfer; returns libusb's code and how many bytes moved (which can be > 0 on a timeout).
    func bulk(endpoint: UInt8, _ buffer: UnsafeMutableBufferPointer<UInt8>, timeout: Duration) -> (Int32, Int) {
        guard let pointer, let base = buffer.baseAddress else { return (LIBUSB_ERROR_NO_DEVICE.rawValue, 0) }
        var transferred: Int32 = 0
        let result = libusb_bulk_transfer(
            pointer, endpoint, base, Int32(buffer.count), &transferred, timeout.libusbMilliseconds)
        return (result, Int(transferred))
    }

    /// Clears a stalled endpoint (not a device reset).
    func clearHalt(endpoint: UInt8) -> Int32 {
        guard let pointer else { return LIBUSB_ERROR_NO_DEVICE.rawValue }
        return libusb_clear_halt(pointer, endpoint)
    }

    /// Releases the interface (libusb re-attaches usblp) and closes. Safe to call twice and after an unplug.
    func close() {
        guard let pointer else { return }
        _ = libusb_release_interface(pointer, Int32(endpoints.interfaceNumber))
        libusb_close(pointer)
        self.pointer = nil
    }
}
