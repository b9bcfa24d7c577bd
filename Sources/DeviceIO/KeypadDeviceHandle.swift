internal import CLibUSB

/// An open `libusb_device_handle` with a keypad's HID interface claimed: the blocking half of `KeypadReader`.
/// Not thread-safe on purpose; the reader touches it only from its own serial queue.
final class KeypadDeviceHandle {
    private(set) var pointer: OpaquePointer?
    let endpoint: KeypadEndpoint

    /// Opens and claims. `usbhid` is detached automatically (and re-attached on release): while it is attached
    /// every key press would also be typed into whatever console or window has focus.
    init(context: USBContext, device: USBDeviceInfo, endpoint: KeypadEndpoint, setBootProtocol: Bool) throws(USBError) {
        let handle = try context.openHandle(for: device)
        self.endpoint = endpoint
        pointer = handle
        do {
            let detach = libusb_set_auto_detach_kernel_driver(handle, 1)
            if detach != LIBUSB_ERROR_NOT_SUPPORTED.rawValue {
                try USBError.check(detach, "libusb_set_auto_detach_kernel_driver")
            }
            let interface = Int32(endpoint.interfaceNumber)
            try USBError.check(libusb_claim_interface(handle, interface), "libusb_claim_interface(\(interface))")
            if endpoint.alternateSetting != 0 {
                try USBError.check(
                    libusb_set_interface_alt_setting(handle, interface, Int32(endpoint.alternateSetting)),
                    "libusb_set_interface_alt_setting")
            }
            if setBootProtocol && endpoint.isBootInterface {
                // HID SET_PROTOCOL (class request 0x0B to the interface), wValue 0 = boot protocol. Some
                // keypads stall it although they send boot reports anyway, so the answer is ignored.
                _ = libusb_control_transfer(handle, 0x21, 0x0B, 0, UInt16(endpoint.interfaceNumber), nil, 0, 500)
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// One interrupt IN transfer; returns libusb's code and how many bytes arrived.
    func interrupt(_ buffer: UnsafeMutableBufferPointer<UInt8>, timeout: Duration) -> (Int32, Int) {
        guard let pointer, let base = buffer.baseAddress else { return (LIBUSB_ERROR_NO_DEVICE.rawValue, 0) }
        var transferred: Int32 = 0
        let result = libusb_interrupt_transfer(
            pointer, endpoint.inAddress, base, Int32(buffer.count), &transferred, timeout.libusbMilliseconds)
        return (result, Int(transferred))
    }

    func clearHalt() -> Int32 {
        guard let pointer else { return LIBUSB_ERROR_NO_DEVICE.rawValue }
        return libusb_clear_halt(pointer, endpoint.inAddress)
    }

    /// Releases the interface (libusb re-attaches usbhid) and closes. Safe twice and after an unplug.
    func close() {
        guard let pointer else { return }
        _ = libusb_release_interface(pointer, Int32(endpoint.interfaceNumber))
        libusb_close(pointer)
        self.pointer = nil
    }
}
