import DeviceProtocols

extension VirtualPrinter {
    /// Applies one command; returns the status byte to send back, if any.
    mutating func execute(_ command: VirtualPrinterCommand, offset: Int) throws(VirtualPrinterError) -> UInt8? {
        switch command {
        case .initialize:
            alignment = 0
            lineSpacing = Self.defaultLineSpacing
            line = []
            qr = VirtualPrinterQRSettings()
        case .align(let n): alignment = n
        case .lineSpacing(let n): lineSpacing = n
        case .defaultLineSpacing: lineSpacing = Self.defaultLineSpacing
        case .carriageReturn: break
        case .character(let byte): line.append(byte)
        case .lineFeed:
            printLine()
            y += lineSpacing
        case .feedLines(let n):
            printLine()
            y += n * lineSpacing
        case .feedDots(let n):
            printLine()
            y += n
        case .cut(let partial, let feedDots):
            printLine()
            y += feedDots
            cutPage(partial ? .partial : .full)
        case .raster(let mode, let bytesPerRow, let rows, let data):
            guard line.isEmpty else { throw .textPendingBeforeImage(offset: offset) }
            try drawRaster(mode: mode, bytesPerRow: bytesPerRow, rows: rows, data: data, offset: offset)
        case .qr(let function, let parameters):
            try applyQR(function: function, parameters: parameters, offset: offset)
        case .statusRequest(let n):
            statusRequests.append(n)
            return sensors.reply(to: n)
        }
        return nil
    }

    /// Left edge for something `width` dots wide at the current alignment.
    func alignedX(width: Int) -> Int {
        switch alignment {
        case 1: (profile.paperWidthDots - width) / 2
        case 2: profile.paperWidthDots - width
        default: 0
        }
    }

    mutating func cutPage(_ cut: VirtualPrinterPage.Cut) {
        var done = page
        done.cut = cut
        done.bitmap = paper.cut(at: y)
        pages.append(done)
        page = VirtualPrinterPage(bitmap: Bitmap(width: 1, height: 0), cut: nil)
        y = 0
    }

    private mutating func drawRaster(
        mode: Int, bytesPerRow: Int, rows: Int, data: [UInt8], offset: Int
    ) throws(VirtualPrinterError) {
        let scaleX = mode & 1 == 1 ? 2 : 1
        let scaleY = mode & 2 == 2 ? 2 : 1
        let width = bytesPerRow * 8 * scaleX
        guard width <= profile.paperWidthDots else {
            throw .imageTooWide(offset: offset, width: width, paperWidthDots: profile.paperWidthDots)
        }
        let x = alignedX(width: width)
        for row in 0..<rows {
            let source = data[(row * bytesPerRow)..<((row + 1) * bytesPerRow)]
            for repeatRow in 0..<scaleY {
                let targetY = y + row * scaleY + repeatRow
                if scaleX == 1 {
                    paper.blit(source, x: x, y: targetY)
                } else {
                    for (index, byte) in source.enumerated() {
                        for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 {
                            paper.fill(
                                VirtualPrinterRegion(x: x + (index * 8 + bit) * 2, y: targetY, width: 2, height: 1))
                        }
                    }
                }
            }
        }
        let region = VirtualPrinterRegion(x: x, y: y, width: width, height: rows * scaleY)
        paper.grow(to: y + region.height)
        page.rasterStrips.append(region)
        y += region.height
    }
}
