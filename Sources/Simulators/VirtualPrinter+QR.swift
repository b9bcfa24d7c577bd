import DeviceProtocols

extension VirtualPrinter {
    /// `GS ( k` cn 49: 65 model, 67 module size, 69 error correction, 80 store, 81 print, 82 size query.
    mutating func applyQR(function: UInt8, parameters: [UInt8], offset: Int) throws(VirtualPrinterError) {
        func parameter(_ index: Int) throws(VirtualPrinterError) -> Int {
            guard index < parameters.count else {
                throw .invalidParameter(offset: offset, command: "GS ( k fn \(function)", value: parameters.count)
            }
            return Int(parameters[index])
        }
        switch function {
        case 65: qr.model = try parameter(0)
        case 67:
            let size = try parameter(0)
            guard (1...16).contains(size) else {
                throw .invalidParameter(offset: offset, command: "GS ( k module size", value: size)
            }
            qr.moduleSize = size
        case 69:
            let level = try parameter(0)
            guard let correction = EscPosQRErrorCorrection(rawValue: UInt8(level)) else {
                throw .invalidParameter(offset: offset, command: "GS ( k error correction", value: level)
            }
            qr.errorCorrection = correction
        case 80:
            guard try parameter(0) == 0x30 else {
                throw .invalidParameter(offset: offset, command: "GS ( k store m", value: try parameter(0))
            }
            qr.stored = Array(parameters.dropFirst())
        case 81:
            guard line.isEmpty else { throw .textPendingBeforeImage(offset: offset) }
            try printQR(offset: offset)
        case 82: break
        default:
            throw .unsupportedCommand(offset: offset, name: "GS ( k QR function \(function)")
        }
    }

    private mutating func printQR(offset: Int) throws(VirtualPrinterError) {
        guard let data = qr.stored, !data.isEmpty else { throw .qrPrintWithoutData(offset: offset) }
        guard qr.model == 50 else { throw .qrUnsupportedModel(offset: offset, model: qr.model) }
        guard let symbol = VirtualPrinterQRSymbol(data: data, errorCorrection: qr.errorCorrection) else {
            throw .qrEncodingFailed(offset: offset, byteCount: data.count)
        }
        let side = symbol.size * qr.moduleSize
        guard side <= profile.paperWidthDots else {
            throw .imageTooWide(offset: offset, width: side, paperWidthDots: profile.paperWidthDots)
        }
        let region = VirtualPrinterRegion(x: alignedX(width: side), y: y, width: side, height: side)
        for row in 0..<symbol.size {
            for column in 0..<symbol.size where symbol.modules[row * symbol.size + column] {
                paper.fill(
                    VirtualPrinterRegion(
                        x: region.x + column * qr.moduleSize, y: region.y + row * qr.moduleSize, width: qr.moduleSize,
                        height: qr.moduleSize))
            }
        }
        paper.grow(to: region.y + side)
        page.qrCodes.append(
            VirtualPrinterQRCode(
                data: data, moduleSize: qr.moduleSize, errorCorrection: qr.errorCorrection, version: symbol.version,
                region: region))
        y += side
    }
}
