internal import CLibUSB

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
