import DeviceProtocols

/// The `GS ( k` QR state a printer keeps between functions, with Epson's power-on defaults.
struct VirtualPrinterQRSettings: Equatable {
    var model = 50
    var moduleSize = 3
    var errorCorrection = EscPosQRErrorCorrection.low
    var stored: [UInt8]?
}
