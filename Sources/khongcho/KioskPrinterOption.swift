/// `--kiosk-printer 192.168.1.21=usb-0416:5011-1-4`: which printer each kiosk prints on.
enum KioskPrinterOption {
    static func parse(_ values: [String]) throws -> [String: String] {
        var mapping: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationFailure("--kiosk-printer cần dạng ĐỊA_CHỈ=MÁY_IN / expects KIOSK_ADDRESS=PRINTER_ID, got '\(value)'")
            }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }
}
