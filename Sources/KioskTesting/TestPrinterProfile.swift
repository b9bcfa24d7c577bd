public import DeviceProtocols

extension PrinterProfile {
    /// A profile for encoder tests; only the fields under test vary.
    public static func escPosTest(
        cut: Cut = .full, nativeQR: Bool = false, width: Int = 384, maxStripHeight: Int = 256,
        statusSupported: Bool = true
    ) -> PrinterProfile {
        PrinterProfile(
            id: "test-\(width)", name: "Test \(width)", vendorID: "0416", productID: "5011", paperWidthDots: width,
            cut: cut, nativeQR: nativeQR, vietnameseCodePage: false, statusSupported: statusSupported,
            maxStripHeight: maxStripHeight, lineSpacing: 30)
    }
}
