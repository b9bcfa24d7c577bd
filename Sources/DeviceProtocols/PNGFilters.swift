/// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth). Our writer only uses None, but other tools
/// pick per row, and the reader should read their files too.
enum PNGFilters {
    static func unfilter(_ scanlines: [UInt8], rowBytes: Int, height: Int, bytesPerPixel: Int) throws(PNGError)
        -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let filter = scanlines[y * (rowBytes + 1)]
            let source = y * (rowBytes + 1) + 1
            let row = y * rowBytes
            for x in 0..<rowBytes {
                let raw = scanlines[source + x]
                let left = x >= bytesPerPixel ? Int(out[row + x - bytesPerPixel]) : 0
                let up = y > 0 ? Int(out[row - rowBytes + x]) : 0
                let upLeft = (x >= bytesPerPixel && y > 0) ? Int(out[row - rowBytes + x - bytesPerPixel]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4: predicted = paeth(left, up, upLeft)
                default: throw .corruptData("filter type \(filter) in row \(y)")
                }
                out[row + x] = raw &+ UInt8(predicted & 0xFF)
            }
        }
        return out
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a)
        let pb = abs(p - b)
        let pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
