extension USBPrinterConnection {
    /// Opens a matched printer with the endpoints the matcher found.
    public static func open(
        _ match: PrinterMatch, in context: USBContext, options: USBPrinterOptions = .default
    ) async throws(USBError) -> USBPrinterConnection {
        guard let endpoints = match.endpoints else {
            throw USBError(
                .noPrinterInterface, call: "USBPrinterConnection.open(\(match.device.id) \(match.device.vidPid))")
        }
        return try await open(match.device, in: context, endpoints: endpoints, options: options)
    }
}
