/// The interface to claim and the endpoint addresses to use, read from the device's own descriptors.
///
/// Printers disagree on addresses (0x03/0x81 on the common 0416:5011, 0x02/0x81 on Xprinters, 0x01/0x82
/// elsewhere), so they are never hard-coded: whatever the descriptor says is what we use.
public struct PrinterEndpoints: Hashable, Sendable {
    public let interfaceNumber: UInt8
    public let alternateSetting: UInt8
    /// Bulk OUT endpoint address (bit 7 clear): where ESC/POS bytes go.
    public let outAddress: UInt8
    /// Bulk IN endpoint address (bit 7 set), nil for a one-way printer that cannot answer `DLE EOT`.
    public let inAddress: UInt8?
    public let outMaxPacketSize: UInt16
    public let inMaxPacketSize: UInt16

    public init(
        interfaceNumber: UInt8, alternateSetting: UInt8 = 0, outAddress: UInt8, inAddress: UInt8?,
        outMaxPacketSize: UInt16 = 64, inMaxPacketSize: UInt16 = 64
    ) {
        self.interfaceNumber = interfaceNumber
        self.alternateSetting = alternateSetting
        self.outAddress = outAddress
        self.inAddress = inAddress
        self.outMaxPacketSize = outMaxPacketSize
        self.inMaxPacketSize = inMaxPacketSize
    }

    /// Whether status can be read back at all.
    public var isBidirectional: Bool { inAddress != nil }

    /// Picks the interface to print on: a printer-class (7) interface before any other, a setting with both
    /// bulk OUT and bulk IN before a one-way one, then the lowest interface and setting. Vendor-class printers
    /// (class 0xFF with bulk endpoints, e.g. an Epson in vendor mode) are accepted when no class-7 one exists.
    public static func select(from device: USBDeviceInfo) throws(USBError) -> PrinterEndpoints {
        let candidates = device.interfaces.filter { $0.bulkOut != nil }
        let best = candidates.min { rank($0) < rank($1) }
        guard let best, let out = best.bulkOut else {
            throw USBError(.noPrinterInterface, call: "PrinterEndpoints.select(\(device.id) \(device.vidPid))")
        }
        let input = best.bulkIn
        return PrinterEndpoints(
            interfaceNumber: best.number, alternateSetting: best.alternateSetting, outAddress: out.address,
            inAddress: input?.address, outMaxPacketSize: out.maxPacketSize,
            inMaxPacketSize: input?.maxPacketSize ?? 64)
    }

    /// Lower is better; tuples compare element by element.
    private static func rank(_ interface: USBInterfaceInfo) -> (Int, Int, UInt8, UInt8) {
        (
            interface.isPrinterClass ? 0 : 1,
            interface.bulkIn != nil ? 0 : 1,
            interface.number,
            interface.alternateSetting
        )
    }
}
