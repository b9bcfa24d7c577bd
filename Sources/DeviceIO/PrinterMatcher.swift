public import DeviceProtocols

/// Decides which attached devices are ticket printers.
///
/// A device is a printer when its VID:PID is listed in a profile (cheap clones often present themselves as
/// vendor-class or even "virtual COM port" devices, so the id is the only reliable sign) or when it has a
/// USB printer-class interface (class 7), which covers models nobody has written a profile for yet.
public struct PrinterMatcher: Sendable {
    public let profiles: [PrinterProfile]
    private let byID: [USBVendorProduct: PrinterProfile]

    public init(profiles: [PrinterProfile]) {
        self.profiles = profiles
        var table: [USBVendorProduct: PrinterProfile] = [:]
        for profile in profiles {
            guard let key = USBVendorProduct(vendorHex: profile.vendorID, productHex: profile.productID) else {
                continue
            }
            // The first profile listing an id wins, so the order of devices/printers/ decides ties.
            if table[key] == nil { table[key] = profile }
        }
        byID = table
    }

    public func match(_ device: USBDeviceInfo) -> PrinterMatch? {
        let endpoints = try? PrinterEndpoints.select(from: device)
        let key = USBVendorProduct(vendorID: device.vendorID, productID: device.productID)
        if let profile = byID[key] {
            return PrinterMatch(device: device, profile: profile, reason: .profile, endpoints: endpoints)
        }
        if device.hasPrinterInterface {
            return PrinterMatch(device: device, profile: nil, reason: .printerClass, endpoints: endpoints)
        }
        return nil
    }

    /// The printers among `devices`, in bus order.
    public func printers(in devices: [USBDeviceInfo]) -> [PrinterMatch] {
        devices.sorted { $0.id < $1.id }.compactMap(match)
    }
}
