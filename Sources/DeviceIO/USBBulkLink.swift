/// A one-way USB bulk link to a device found by VID:PID — a customer display that enumerates as a USB
/// device with a bulk OUT endpoint (printer-class or vendor-class) instead of a serial adapter.
///
/// Opened on the first write and again after any failure, so a display that was unplugged is picked up
/// by the next write once it is back. The transfer runs on the connection's own queue (`USBPrinterConnection`).
public actor USBBulkLink {
    public nonisolated let vendorID: UInt16
    public nonisolated let productID: UInt16
    private var context: USBContext?
    private var connection: USBPrinterConnection?

    public init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }

    public nonisolated var name: String { "usb \(USBDeviceInfo.hex4(vendorID)):\(USBDeviceInfo.hex4(productID))" }

    public func write(_ bytes: [UInt8]) async throws(USBError) {
        let open = try await openConnection()
        do {
            try await open.write(bytes)
        } catch {
            connection = nil
            await open.close()
            throw error
        }
    }

    func openConnection() async throws(USBError) -> USBPrinterConnection {
        if let connection { return connection }
        let context: USBContext
        if let existing = self.context {
            context = existing
        } else {
            context = try USBContext()
            self.context = context
        }
        let devices = try await context.devices(readingStrings: false)
        guard let device = devices.first(where: { $0.vendorID == vendorID && $0.productID == productID }) else {
            throw USBError(.noDevice, call: "find \(name)")
        }
        let opened = try await USBPrinterConnection.open(device, in: context)
        connection = opened
        return opened
    }
}
