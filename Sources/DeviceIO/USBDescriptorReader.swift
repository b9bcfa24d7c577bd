internal import CLibUSB

/// Turns libusb's descriptor structs into `USBDeviceInfo`. libusb reads descriptors from sysfs, so this needs
/// no permission on the device node; only the strings need it open.
enum USBDescriptorReader {
    static func info(for device: OpaquePointer) -> USBDeviceInfo? {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return nil }
        var ports = [UInt8](repeating: 0, count: 8)
        let depth = libusb_get_port_numbers(device, &ports, Int32(ports.count))
        return USBDeviceInfo(
            id: USBDeviceID(bus: libusb_get_bus_number(device), address: libusb_get_device_address(device)),
            portPath: depth > 0 ? Array(ports.prefix(Int(depth))) : [],
            vendorID: descriptor.idVendor, productID: descriptor.idProduct, deviceClass: descriptor.bDeviceClass,
            interfaces: interfaces(of: device))
    }

    /// Interfaces of the active configuration, or of the first one when the device is unconfigured.
    static func interfaces(of device: OpaquePointer) -> [USBInterfaceInfo] {
        var config: UnsafeMutablePointer<libusb_config_descriptor>?
        if libusb_get_active_config_descriptor(device, &config) != 0 || config == nil {
            guard libusb_get_config_descriptor(device, 0, &config) == 0 else { return [] }
        }
        guard let config else { return [] }
        defer { libusb_free_config_descriptor(config) }
        return interfaces(of: config.pointee)
    }

    static func interfaces(of config: libusb_config_descriptor) -> [USBInterfaceInfo] {
        guard let interfaceList = config.interface else { return [] }
        var result: [USBInterfaceInfo] = []
        for index in 0..<Int(config.bNumInterfaces) {
            let interface = interfaceList[index]
            guard let settings = interface.altsetting else { continue }
            for setting in 0..<Int(interface.num_altsetting) {
                result.append(self.setting(settings[setting]))
            }
        }
        return result
    }

    static func setting(_ descriptor: libusb_interface_descriptor) -> USBInterfaceInfo {
        var endpoints: [USBEndpointInfo] = []
        if let list = descriptor.endpoint {
            for index in 0..<Int(descriptor.bNumEndpoints) {
                let endpoint = list[index]
                endpoints.append(
                    USBEndpointInfo(
                        address: endpoint.bEndpointAddress, attributes: endpoint.bmAttributes,
                        maxPacketSize: endpoint.wMaxPacketSize))
            }
        }
        return USBInterfaceInfo(
            number: descriptor.bInterfaceNumber, alternateSetting: descriptor.bAlternateSetting,
            interfaceClass: descriptor.bInterfaceClass, interfaceSubclass: descriptor.bInterfaceSubClass,
            interfaceProtocol: descriptor.bInterfaceProtocol, endpoints: endpoints)
    }

    /// Fills in manufacturer, product and serial strings when the device can be opened; leaves them nil otherwise.
    static func withStrings(_ info: USBDeviceInfo, device: OpaquePointer) -> USBDeviceInfo {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return info }
        var handle: OpaquePointer?
        guard libusb_open(device, &handle) == 0, let handle else { return info }
        defer { libusb_close(handle) }
        return info.withStrings(
            manufacturer: string(handle, descriptor.iManufacturer),
            product: string(handle, descriptor.iProduct),
            serialNumber: string(handle, descriptor.iSerialNumber))
    }

    static func string(_ handle: OpaquePointer, _ index: UInt8) -> String? {
        guard index != 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = libusb_get_string_descriptor_ascii(handle, index, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        // Cheap firmware pads strings with spaces or NULs.
        let bytes = buffer.prefix(Int(length))
        guard let first = bytes.firstIndex(where: { $0 > 0x20 }), let last = bytes.lastIndex(where: { $0 > 0x20 })
        else { return nil }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
